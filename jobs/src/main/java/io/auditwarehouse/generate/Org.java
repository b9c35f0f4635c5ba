package io.auditwarehouse.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The people: developers request, approvers approve, operators and admins execute. */
final class Org {

    private static final String[][] DEVELOPERS = {
            {"lee.dev", "Lee Developer", "정산개발팀"}, {"han.dev", "한지민", "정산개발팀"},
            {"yoon.dev", "Yoon Seojun", "결제개발팀"}, {"jang.dev", "장하늘", "결제개발팀"},
            {"lim.dev", "Lim Minho", "리스크개발팀"}, {"kang.dev", "강서연", "리스크개발팀"},
            {"cho.dev", "Cho Eunwoo", "회계개발팀"}, {"song.dev", "송도윤", "회계개발팀"},
            {"oh.dev", "Oh Jiho", "데이터플랫폼팀"}, {"seo.dev", "서예린", "데이터플랫폼팀"},
            {"kwon.dev", "Kwon Taeyang", "카드개발팀"}, {"hwang.dev", "황민서", "카드개발팀"}};
    private static final String[][] OPERATORS = {
            {"kim.op", "Kim Operator", "운영팀"}, {"choi.op", "최운영", "운영팀"},
            {"park.op", "Park Sunwoo", "운영팀"}, {"jeon.op", "전배치", "운영팀"},
            {"ahn.op", "Ahn Yujin", "운영팀"}, {"bae.op", "Bae Hyunwoo", "운영팀"},
            {"nam.op", "남궁민", "운영팀"}, {"moon.op", "Moon Jiwon", "운영팀"}};
    private static final String[][] INACTIVE_OPERATORS = {
            {"jung.old", "Jung Former", "운영팀"}, {"go.old", "고전임", "운영팀"}};
    private static final String[][] APPROVERS = {
            {"park.lead", "Park Lead", "정산개발팀"}, {"lee.head", "이본부장", "결제개발팀"},
            {"shin.lead", "Shin Teamlead", "리스크개발팀"}, {"yoo.lead", "유팀장", "운영팀"}};
    private static final String[][] ADMINS = {
            {"root.admin", "Jenkins Admin", "플랫폼운영팀"}, {"baek.admin", "백관리", "플랫폼운영팀"}};

    final List<Person> developers = new ArrayList<>();
    final List<Person> operators = new ArrayList<>();
    final List<Person> inactiveOperators = new ArrayList<>();
    final List<Person> approvers = new ArrayList<>();
    final List<Person> admins = new ArrayList<>();
    final List<Person> all = new ArrayList<>();

    Org(LocalDate monthStart, ZoneId zone, Random rng) {
        add(developers, DEVELOPERS, "DEVELOPER", monthStart, zone, rng, false);
        add(operators, OPERATORS, "OPERATOR", monthStart, zone, rng, false);
        add(inactiveOperators, INACTIVE_OPERATORS, "OPERATOR", monthStart, zone, rng, true);
        add(approvers, APPROVERS, "APPROVER", monthStart, zone, rng, false);
        add(admins, ADMINS, "ADMIN", monthStart, zone, rng, false);
    }

    private void add(List<Person> into, String[][] rows, String role, LocalDate monthStart, ZoneId zone, Random rng,
                     boolean left) {
        for (String[] r : rows) {
            LocalDate from = monthStart.minusDays(200 + rng.nextInt(900));
            Instant activeTo = left ? monthStart.minusDays(15 + rng.nextInt(60)).atStartOfDay(zone).toInstant() : null;
            Person p = new Person(r[0], r[1], r[2], role, from.atStartOfDay(zone).toInstant(), activeTo);
            into.add(p);
            all.add(p);
        }
    }

    /** Who may run a manual job: mostly operators, sometimes an admin. */
    Person executor(Random rng) {
        return rng.nextInt(100) < 88 ? pick(operators, rng) : pick(admins, rng);
    }

    static <T> T pick(List<T> from, Random rng) {
        return from.get(rng.nextInt(from.size()));
    }
}
