package io.auditwarehouse.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Users by id and by display name; empty (and {@link #known()} false) when no users relation is configured. */
public final class UserDirectory implements Serializable {

    private final boolean known;
    private final Map<String, List<User>> byId = new HashMap<>();
    private final Map<String, String> idByDisplayName = new HashMap<>();

    private UserDirectory(boolean known, Collection<User> users) {
        this.known = known;
        for (User u : users) {
            byId.computeIfAbsent(u.userId(), k -> new ArrayList<>()).add(u);
            if (u.displayName() != null) idByDisplayName.putIfAbsent(u.displayName().trim(), u.userId());
        }
    }

    public static UserDirectory of(Collection<User> users) {
        return new UserDirectory(true, users);
    }

    public static UserDirectory absent() {
        return new UserDirectory(false, List.of());
    }

    public boolean known() {
        return known;
    }

    public boolean isUserId(String id) {
        return byId.containsKey(id);
    }

    /** The user id printed as this display name by Jenkins, or null. */
    public String idForDisplayName(String displayName) {
        return displayName == null ? null : idByDisplayName.get(displayName.trim());
    }

    /**
     * The user's row in force at {@code t}, else the row that started last (a user who has left is still named);
     * null for an unknown id.
     */
    public User user(String userId, Instant t) {
        User latest = null;
        for (User u : byId.getOrDefault(userId, List.of())) {
            if (u.activeAt(t)) return u;
            if (latest == null || (u.activeFrom() != null && (latest.activeFrom() == null || u.activeFrom().isAfter(latest.activeFrom())))) {
                latest = u;
            }
        }
        return latest;
    }

    /** True when the user holds one of the roles in a row active at {@code t}. */
    public boolean hasRoleAt(String userId, java.util.Set<String> roles, Instant t) {
        for (User u : byId.getOrDefault(userId, List.of())) {
            if (roles.contains(u.role()) && u.activeAt(t)) return true;
        }
        return false;
    }

    /** The user's roles (any time), for messages. */
    public List<String> roles(String userId) {
        return byId.getOrDefault(userId, List.of()).stream().map(User::role).distinct().sorted().toList();
    }

    /** True when the user holds OPERATOR or ADMIN in a row active at {@code t}. */
    public boolean mayExecuteAt(String userId, Instant t) {
        for (User u : byId.getOrDefault(userId, List.of())) {
            if (u.mayExecute() && u.activeAt(t)) return true;
        }
        return false;
    }
}
