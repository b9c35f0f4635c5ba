package io.auditwarehouse.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How the monthly evidence package is rendered.
 *
 * @param locale           {@code ko} or {@code en}
 * @param fontDir          where NanumGothic is found
 * @param seed             the configured sample seed, if any ({@code --seed} overrides it)
 * @param sizeByFrequency  sample size per control frequency
 * @param frequencyByControl control id to frequency; unlisted controls are {@link #DAILY}
 * @param pseudonyms       {@code report.pseudonymise} and its key
 */
public record ReportSettings(String locale, Path fontDir, OptionalLong seed, Map<String, Integer> sizeByFrequency,
                             Map<String, String> frequencyByControl, PseudonymSettings pseudonyms) {

    public static final String DAILY = "daily";
    /** Sizes auditors commonly use per control frequency (AICPA sampling guidance, lower bounds). */
    public static final Map<String, Integer> DEFAULT_SIZES = Map.of(DAILY, 25, "weekly", 5, "monthly", 2, "quarterly", 2, "annual", 1);

    public ReportSettings {
        sizeByFrequency = Map.copyOf(sizeByFrequency);
        frequencyByControl = Map.copyOf(frequencyByControl);
    }

    /** Settings without pseudonyms. */
    public ReportSettings(String locale, Path fontDir, OptionalLong seed, Map<String, Integer> sizeByFrequency,
                          Map<String, String> frequencyByControl) {
        this(locale, fontDir, seed, sizeByFrequency, frequencyByControl, PseudonymSettings.OFF);
    }

    /** Sample size of a control: its frequency's size. */
    public int sampleSize(String controlId) {
        return sizeByFrequency.get(frequencyByControl.getOrDefault(controlId, DAILY));
    }
}
