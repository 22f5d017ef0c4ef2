package io.riskgraph.risk.planning;

import io.riskgraph.model.id.IdProtector;
import io.riskgraph.workflow.InspectionTask;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Inspection codes ("亮码" codes) an enterprise scans to check that an inspection is real: {@code JC1.<claims>.<mac>}
 * where claims = task id, USCC, period and last valid day (base64url) and mac = HMAC-SHA256 of the claims under a key
 * kept beside the store (like the ID-number key), truncated to 128 bits. Without the key a code cannot be made or
 * altered; a code whose task is closed (its result came back) is used; after its last day it is expired.
 */
public final class InspectionCodes {
    public static final String KEY_FILE = "inspection-code.key";
    public static final String PREFIX = "JC1";
    static final int MAC_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** What a code claims. */
    public record Claims(String taskId, String uscc, String period, LocalDate expires) {}

    public enum Verdict { VALID, MALFORMED, FORGED, EXPIRED, UNKNOWN_TASK, USED, NOT_ISSUED }

    /** The outcome of a check; {@code claims} is null when the code is malformed or forged (nothing in it is trusted). */
    public record Check(Verdict verdict, Claims claims, String message) {
        public boolean valid() { return verdict == Verdict.VALID; }
    }

    private final SecretKeySpec key;

    public InspectionCodes(byte[] key) {
        if (key == null || key.length < IdProtector.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("inspection-code key must have at least " + IdProtector.MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String issue(String taskId, String uscc, String period, LocalDate expires) {
        for (String s : new String[]{taskId, uscc, period}) {
            if (s == null || s.isBlank() || s.indexOf('|') >= 0) throw new IllegalArgumentException("bad code field '" + s + "'");
        }
        byte[] claims = (taskId + "|" + uscc + "|" + period + "|" + expires).getBytes(StandardCharsets.UTF_8);
        return PREFIX + "." + B64.encodeToString(claims) + "." + B64.encodeToString(mac(claims));
    }

    /** Checks the signature and shape only; the claims if the code is authentic. */
    public Check authenticate(String code) {
        String c = code == null ? "" : code.strip();
        String[] parts = c.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(PREFIX)) {
            return new Check(Verdict.MALFORMED, null, "not an inspection code (expected " + PREFIX + ".<claims>.<signature>)");
        }
        byte[] claims;
        try {
            claims = B64D.decode(parts[1]);
            B64D.decode(parts[2]); // shape only: the signature is compared as text below
        } catch (IllegalArgumentException e) {
            return new Check(Verdict.MALFORMED, null, "the code is damaged (not base64url)");
        }
        // compared as text: base64 ignores the spare low bits of the last character, so bytes alone would accept
        // a code altered there; only the platform's own encoding of the claims and signature is genuine
        if (!MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII),
                B64.encodeToString(mac(claims)).getBytes(StandardCharsets.US_ASCII))
                || !parts[1].equals(B64.encodeToString(claims))) {
            return new Check(Verdict.FORGED, null, "the signature does not match: the code was not issued by this platform "
                    + "or was altered");
        }
        String[] f = new String(claims, StandardCharsets.UTF_8).split("\\|", -1);
        try {
            if (f.length != 4) throw new DateTimeParseException("fields", "", 0);
            return new Check(Verdict.VALID, new Claims(f[0], f[1], f[2], LocalDate.parse(f[3])), "authentic");
        } catch (DateTimeParseException e) {
            return new Check(Verdict.MALFORMED, null, "the code's claims are not readable");
        }
    }

    /**
     * The full check: authentic, not expired on {@code today}, and its task exists with this very code and is open.
     * The signature is checked before the task is looked up, so forged codes cost no store read.
     */
    public Check verify(String code, LocalDate today, Function<String, Optional<InspectionTask>> tasks) {
        Check auth = authenticate(code);
        if (!auth.valid()) return auth;
        Claims cl = auth.claims();
        if (today.isAfter(cl.expires())) {
            return new Check(Verdict.EXPIRED, cl, "the code expired on " + cl.expires());
        }
        Optional<InspectionTask> t = tasks.apply(cl.taskId());
        if (t.isEmpty()) return new Check(Verdict.UNKNOWN_TASK, cl, "no task " + cl.taskId() + " is stored");
        if (!code.strip().equals(t.get().code())) {
            return new Check(Verdict.NOT_ISSUED, cl, "task " + cl.taskId() + " carries a different code");
        }
        if (t.get().status() == InspectionTask.Status.CLOSED) {
            return new Check(Verdict.USED, cl, "the code was used: the inspection result came back on " + t.get().resultDate());
        }
        if (t.get().status() != InspectionTask.Status.OPEN) return new Check(Verdict.NOT_ISSUED, cl, "the task is not open");
        return new Check(Verdict.VALID, cl, "valid until " + cl.expires());
    }

    private byte[] mac(byte[] claims) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            m.update("riskgraph-inspection-code-v1|".getBytes(StandardCharsets.UTF_8)); // domain separation
            return java.util.Arrays.copyOf(m.doFinal(claims), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Claims of an authentic code, for callers that need them without a store. */
    public Optional<Claims> claims(String code) {
        Check c = authenticate(code);
        return c.valid() ? Optional.of(c.claims()) : Optional.empty();
    }
}
