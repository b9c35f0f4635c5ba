package io.auditwarehouse.config;

/**
 * Finding reviews (issue 12).
 *
 * @param slaWorkingDays how many working days a HIGH finding may stay OPEN before the digest lists it
 * @param reviewer       the reviewer recorded when {@code review} is given no {@code --as}; empty when none is configured
 */
public record ReviewSettings(int slaWorkingDays, String reviewer) {
}
