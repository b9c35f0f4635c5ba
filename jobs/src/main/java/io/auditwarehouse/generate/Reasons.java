package io.auditwarehouse.generate;

import java.util.Random;

/** Free-text reasons as people type them into the approval system, Korean and English. */
final class Reasons {

    private static final String[] EXECUTE = {
            "운영 재처리 요청", "원장 불일치로 인한 재실행", "rerun after upstream delay", "가맹점 정산 누락분 수동 실행",
            "month-end catch-up run", "VAN 응답 지연, 재처리", "backfill for missing partition, per 정산팀 request",
            "수동 실행 (고객 민원 대응)", "\"urgent\" rerun requested by finance"};
    private static final String[] CHANGE = {
            "설정 변경: 스케줄 시간 조정", "timeout 30m -> 45m", "신규 파라미터 TARGET_DATE 추가",
            "agent label change, linux -> linux-large", "DB 접속정보 교체, 보안 점검 후속"};
    private static final String[] TOGGLE = {
            "긴급 중단: 외부 VAN 장애", "maintenance window, DB patch", "원장 시스템 점검으로 일시 중지",
            "emergency stop, duplicate postings suspected", "재개: 장애 조치 완료"};
    private static final String[] FAILURE = {
            "장애 보고: DB 커넥션 타임아웃", "failure report: upstream file late", "장애 보고: 디스크 부족, 정리 후 재처리",
            "OOM on agent, rerun OK", "장애 보고: 외부 API 5xx, 재시도 성공"};
    private static final String[] REGISTER = {
            "정기 배치 등록", "new scheduled job", "신규 배치 등록 (정산 자동화)", "job migrated from cron server", null};

    private Reasons() {
    }

    static String forType(String type, Random rng) {
        String[] pool = switch (type) {
            case "EXECUTE", "EMERGENCY" -> EXECUTE;
            case "CHANGE" -> CHANGE;
            case "DISABLE", "ENABLE" -> TOGGLE;
            case "FAILURE_REPORT" -> FAILURE;
            default -> REGISTER;
        };
        return rng.nextInt(100) < 15 ? null : pool[rng.nextInt(pool.length)];
    }
}
