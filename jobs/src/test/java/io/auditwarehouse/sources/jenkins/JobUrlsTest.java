package io.auditwarehouse.sources.jenkins;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JobUrlsTest {

    @Test
    void jobUrlWithOrWithoutSlashes() {
        assertEquals("payments/settle-daily", JobUrls.jobName("job/payments/job/settle-daily/"));
        assertEquals("payments/settle-daily", JobUrls.jobName("/job/payments/job/settle-daily"));
        assertEquals("settle", JobUrls.jobName("job/settle"));
    }

    @Test
    void buildUrlDropsTheBuildNumber() {
        assertEquals("a/b", JobUrls.jobName("job/a/job/b/42/"));
        assertEquals("a/b", JobUrls.jobName("/job/a/job/b/42"));
    }

    @Test
    void percentEncodedKoreanAndSpaces() {
        assertEquals("정산/일일 마감", JobUrls.jobName("job/%EC%A0%95%EC%82%B0/job/%EC%9D%BC%EC%9D%BC%20%EB%A7%88%EA%B0%90/"));
        assertEquals("c++", JobUrls.jobName("job/c++/"));
    }

    @Test
    void viewSegmentsAreNotPartOfTheName() {
        assertEquals("a/b", JobUrls.jobName("view/All/job/a/job/b/"));
    }

    @Test
    void notAJobPath() {
        assertNull(JobUrls.jobName("computer/agent-07/"));
        assertNull(JobUrls.jobName("job/"));
        assertNull(JobUrls.jobName(""));
        assertNull(JobUrls.jobName(null));
        assertNull(JobUrls.jobName("job/a/lastBuild/"));
    }

    @Test
    void requestSplitsTheVerb() {
        assertEquals(new JobUrls.JobRequest("a/b", "configSubmit"), JobUrls.request("/job/a/job/b/configSubmit"));
        assertEquals(new JobUrls.JobRequest("a/b", "disable"), JobUrls.request("job/a/job/b/disable/"));
        assertEquals(new JobUrls.JobRequest("정산/settle", "doDelete"),
                JobUrls.request("/job/%EC%A0%95%EC%82%B0/job/settle/doDelete"));
    }

    @Test
    void requestNeedsExactlyOneSegmentAfterTheJob() {
        assertNull(JobUrls.request("/job/a/job/b/42/stop"));
        assertNull(JobUrls.request("/job/a/job/b/"));
        assertNull(JobUrls.request("/configSubmit"));
        assertNull(JobUrls.request("/createItem"));
    }

    @Test
    void parseKeepsTheRest() {
        assertEquals(new JobUrls.JobPath("a", List.of("42", "stop")), JobUrls.parse("/job/a/42/stop"));
    }

    @Test
    void badEncodingIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> JobUrls.jobName("job/%ZZ/"));
        assertThrows(IllegalArgumentException.class, () -> JobUrls.jobName("job/abc%E/"));
        assertThrows(IllegalArgumentException.class, () -> JobUrls.jobName("job/%EC%A0/"));
    }
}
