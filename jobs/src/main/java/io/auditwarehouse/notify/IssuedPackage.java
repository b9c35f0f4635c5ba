package io.auditwarehouse.notify;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What an alert says of an issued package: the SHA-256 of its manifest.json (as manifest.sha256 holds it) and its content digest. */
record IssuedPackage(String manifestSha256, String contentSha256) {

    static IssuedPackage at(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        try {
            byte[] bytes = Files.readAllBytes(manifest);
            String content = new ObjectMapper().readTree(bytes).path("content_sha256").asText("");
            return new IssuedPackage(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
