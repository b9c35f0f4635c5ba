package io.auditwarehouse.generate;

import io.auditwarehouse.model.ReasonCode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What the plants did: how many of each code, and every finding they meant to cause. */
final class PlantLedger {

    private final Map<ReasonCode, Integer> plants = new EnumMap<>(ReasonCode.class);
    private final List<Intent> intents = new ArrayList<>();

    PlantLedger() {
        for (ReasonCode c : ReasonCode.values()) plants.put(c, 0);
    }

    void planted(ReasonCode code, Intent... expected) {
        plants.merge(code, 1, Integer::sum);
        intents.addAll(List.of(expected));
    }

    Map<ReasonCode, Integer> plants() {
        return plants;
    }

    TreeSet<ExpectedFinding> intended(World w) {
        TreeSet<ExpectedFinding> out = new TreeSet<>();
        for (Intent i : intents) out.add(i.resolve(w));
        return out;
    }
}
