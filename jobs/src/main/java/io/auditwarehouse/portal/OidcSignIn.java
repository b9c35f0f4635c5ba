package io.auditwarehouse.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.PortalSettings;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * OpenID Connect sign-in: authorization code with PKCE (S256), state and nonce kept in the session; the ID token's
 * signature checked against the provider's JWKS and its issuer, audience, expiry and nonce; the role from a claim.
 */
public final class OidcSignIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String STATE = "oidcState";
    private static final String NONCE = "oidcNonce";
    private static final String VERIFIER = "oidcVerifier";

    private final PortalSettings settings;
    private final String issuer;
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final DefaultJWTProcessor<SecurityContext> tokens = new DefaultJWTProcessor<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Reads the provider's discovery document; a provider that cannot be reached is a one-line start-up error. */
    public static OidcSignIn discover(PortalSettings settings) {
        String discovery = settings.oidcIssuer().replaceAll("/$", "") + "/.well-known/openid-configuration";
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(discovery))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new ConfigException("portal.oidc.issuer", discovery + " answered HTTP " + r.statusCode());
            return new OidcSignIn(settings, JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new ConfigException("portal.oidc.issuer", "cannot read " + discovery + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("portal.oidc.issuer", "interrupted reading " + discovery);
        }
    }

    private OidcSignIn(PortalSettings settings, JsonNode discovery) throws IOException {
        this.settings = settings;
        this.issuer = discovery.path("issuer").asText();
        this.authorizationEndpoint = URI.create(discovery.path("authorization_endpoint").asText());
        this.tokenEndpoint = URI.create(discovery.path("token_endpoint").asText());
        var keys = JWKSourceBuilder.<SecurityContext>create(URI.create(discovery.path("jwks_uri").asText()).toURL()).build();
        tokens.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        tokens.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.oidcClientId(),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat", "nonce")));
    }

    void register(RoutesConfig routes, Portal portal) {
        routes.get("/oidc/login", this::start);
        routes.get("/oidc/callback", ctx -> callback(ctx, portal));
    }

    private String redirectUri() {
        return settings.oidcRedirectUrl().isEmpty() ? settings.baseUrl() + "/oidc/callback" : settings.oidcRedirectUrl();
    }

    private void start(Context ctx) {
        String state = random();
        String nonce = random();
        String verifier = random() + random();
        ctx.sessionAttribute(STATE, state);
        ctx.sessionAttribute(NONCE, nonce);
        ctx.sessionAttribute(VERIFIER, verifier);
        Map<String, String> q = new java.util.LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", settings.oidcClientId());
        q.put("redirect_uri", redirectUri());
        q.put("scope", "openid profile email");
        q.put("state", state);
        q.put("nonce", nonce);
        q.put("code_challenge", challenge(verifier));
        q.put("code_challenge_method", "S256");
        ctx.redirect(authorizationEndpoint + (authorizationEndpoint.getQuery() == null ? "?" : "&") + form(q));
    }

    private void callback(Context ctx, Portal portal) throws Exception {
        String state = ctx.sessionAttribute(STATE);
        String verifier = ctx.sessionAttribute(VERIFIER);
        String nonce = ctx.sessionAttribute(NONCE);
        ctx.sessionAttribute(STATE, null);
        ctx.sessionAttribute(VERIFIER, null);
        ctx.sessionAttribute(NONCE, null);
        if (state == null || !Csrf.matches(state, ctx.queryParam("state")) || ctx.queryParam("code") == null) {
            portal.record(ctx, null, AccessEvent.Action.SIGN_IN_FAILED, null, null, "sso: state or code missing or wrong");
            ctx.status(HttpStatus.FORBIDDEN);
            return;
        }
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", ctx.queryParam("code"));
        body.put("redirect_uri", redirectUri());
        body.put("client_id", settings.oidcClientId());
        body.put("code_verifier", verifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (settings.oidcClientSecret().present()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((enc(settings.oidcClientId()) + ":"
                    + enc(settings.oidcClientSecret().reveal())).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode token = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        JWTClaimsSet claims;
        try {
            if (token == null || !token.hasNonNull("id_token")) throw new IllegalStateException("token endpoint answered HTTP " + r.statusCode());
            claims = tokens.process(token.get("id_token").asText(), null);
            if (!nonce.equals(claims.getStringClaim("nonce"))) throw new IllegalStateException("nonce does not match");
        } catch (Exception e) {
            portal.record(ctx, null, AccessEvent.Action.SIGN_IN_FAILED, null, null, "sso: " + e.getMessage());
            ctx.status(HttpStatus.FORBIDDEN);
            return;
        }
        String name = Optional.ofNullable(claims.getStringClaim("preferred_username")).orElse(claims.getSubject());
        Optional<Role> role = role(claims.getClaim(settings.oidcRoleClaim()));
        if (role.isEmpty()) {
            portal.record(ctx, name, AccessEvent.Action.SIGN_IN_FAILED, null, null, "sso: no portal role in claim " + settings.oidcRoleClaim());
            ctx.status(HttpStatus.FORBIDDEN);
            return;
        }
        WebSession.signIn(ctx, new PortalUser(name, role.get(), "sso"));
        portal.record(ctx, name, AccessEvent.Action.SIGN_IN, null, null, "sso " + issuer);
        ctx.redirect("/packages");
    }

    /** The highest portal role a claim names (a string or a list of strings). */
    static Optional<Role> role(Object claim) {
        Collection<?> values = claim instanceof Collection<?> c ? c : claim == null ? List.of() : List.of(claim);
        return values.stream().map(v -> Role.parse(String.valueOf(v))).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
