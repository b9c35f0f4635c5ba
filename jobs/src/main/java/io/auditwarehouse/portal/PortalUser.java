package io.auditwarehouse.portal;

/** Who is signed in: a users-file account or an SSO subject, with the role it holds. */
public record PortalUser(String name, Role role, String via) {
}
