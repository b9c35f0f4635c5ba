package io.auditwarehouse.portal;

/** Records a compliance reviewer's disposition of a finding (the `review` command's rules and storage). */
public interface FindingReviewer {

    /**
     * @return the finding's disposition afterwards
     * @throws io.auditwarehouse.config.ConfigException when the review rules refuse it (the message says why)
     */
    String review(String reviewer, String findingId, String disposition, String reference, String comment);
}
