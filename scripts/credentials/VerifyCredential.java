/*
 * Offline verification of a Green Portal status credential, for auditors. JDK 21+ only, no
 * libraries, no network: run it as a source file.
 *
 *   java VerifyCredential.java --jwks jwks.json [--status-list revocation.jwt] [--status-list suspension.jwt]
 *        [--issuer https://portal.example] [--at 2027-03-01T00:00:00+08:00] credential.jwt
 *
 * It checks the credential's ES256 signature against the key its kid names in the JWKS, the issuer
 * (when --issuer is given), validFrom/validUntil at --at (default: now), and, for each
 * credentialStatus entry, the bit at statusListIndex in the given status list credential of the same
 * purpose, whose own signature, issuer and purpose are checked first. A status entry without a list
 * given is reported as unchecked (and fails the verification unless --allow-unchecked-status).
 * Exit code: 0 valid, 1 not valid, 2 bad usage or unreadable input. See scripts/credentials/README.md.
 */

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

public class VerifyCredential {

    static final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String jwksFile = null, issuer = null, credentialFile = null;
        OffsetDateTime at = OffsetDateTime.now();
        boolean allowUnchecked = false;
        List<String> listFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jwks" -> jwksFile = args[++i];
                case "--status-list" -> listFiles.add(args[++i]);
                case "--issuer" -> issuer = args[++i];
                case "--at" -> at = OffsetDateTime.parse(args[++i]);
                case "--allow-unchecked-status" -> allowUnchecked = true;
                default -> credentialFile = args[i];
            }
        }
        if (jwksFile == null || credentialFile == null) {
            System.err.println("usage: java VerifyCredential.java --jwks jwks.json [--status-list list.jwt]... "
                    + "[--issuer URL] [--at ISO-8601] [--allow-unchecked-status] credential.jwt");
            System.exit(2);
        }
        Map<String, Object> jwks = obj(Json.parse(read(jwksFile)));
        Jws credential = Jws.parse(read(credentialFile));
        Map<String, Object> vc = credential.payload;

        check("signature", credential.verify(jwks), "ES256 signature by key " + credential.header.get("kid"));
        check("type", "vc+jwt".equals(credential.header.get("typ")), "typ vc+jwt");
        Object iss = vc.get("issuer") instanceof Map<?, ?> m ? m.get("id") : vc.get("issuer");
        if (issuer != null) {
            check("issuer", issuer.equals(iss), "issued by " + iss);
        } else {
            System.out.println("issuer: " + iss + " (not compared: no --issuer)");
        }
        Object from = vc.get("validFrom"), until = vc.get("validUntil");
        check("validFrom", from == null || !OffsetDateTime.parse((String) from).isAfter(at), "valid from " + from);
        check("validUntil", until == null || OffsetDateTime.parse((String) until).isAfter(at),
                until == null ? "no end" : "valid until " + until);

        Map<String, Jws> lists = new LinkedHashMap<>();
        for (String f : listFiles) {
            Jws list = Jws.parse(read(f));
            Map<String, Object> subject = obj(list.payload.get("credentialSubject"));
            String purpose = (String) subject.get("statusPurpose");
            check("status list " + purpose + " signature", list.verify(jwks), "ES256 by key " + list.header.get("kid")
                    + ", version " + list.payload.get("version") + " of " + list.payload.get("validFrom"));
            if (iss != null) {
                Object listIssuer = list.payload.get("issuer");
                check("status list " + purpose + " issuer", iss.equals(listIssuer), "issued by " + listIssuer);
            }
            lists.put(purpose + " " + list.payload.get("id"), list);
        }
        Object status = vc.get("credentialStatus");
        List<Object> entries = status instanceof List<?> l ? new ArrayList<>(l) : status == null ? List.of() : List.of(status);
        for (Object e : entries) {
            Map<String, Object> entry = obj(e);
            String purpose = (String) entry.get("statusPurpose");
            Jws list = lists.get(purpose + " " + entry.get("statusListCredential"));
            if (list == null) {
                String message = "status " + purpose + ": UNCHECKED (no --status-list for " + entry.get("statusListCredential") + ")";
                System.out.println(message);
                if (!allowUnchecked) {
                    failures.add(message);
                }
                continue;
            }
            int index = Integer.parseInt((String) entry.get("statusListIndex"));
            byte[] bits = bits((String) obj(list.payload.get("credentialSubject")).get("encodedList"));
            boolean set = (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
            check("status " + purpose, !set, (set ? "SET" : "not set") + " at index " + index + " (list of "
                    + list.payload.get("validFrom") + ")");
        }
        System.out.println(failures.isEmpty() ? "VALID" : "NOT VALID: " + String.join("; ", failures));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    static void check(String name, boolean ok, String detail) {
        System.out.println(name + ": " + (ok ? "ok" : "FAILED") + " (" + detail + ")");
        if (!ok) {
            failures.add(name);
        }
    }

    static String read(String file) throws Exception {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    }

    /** The multibase base64url GZIP bitstring of a Bitstring Status List. */
    static byte[] bits(String encoded) throws Exception {
        if (!encoded.startsWith("u")) {
            throw new IllegalArgumentException("encodedList is not multibase base64url");
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a JSON object, got " + o);
        }
        return (Map<String, Object>) o;
    }

    record Jws(Map<String, Object> header, Map<String, Object> payload, byte[] signingInput, byte[] signature) {

        static Jws parse(String compact) {
            String[] parts = compact.split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a compact JWS (three dot-separated parts)");
            }
            var d = Base64.getUrlDecoder();
            return new Jws(obj(Json.parse(new String(d.decode(parts[0]), StandardCharsets.UTF_8))),
                    obj(Json.parse(new String(d.decode(parts[1]), StandardCharsets.UTF_8))),
                    (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), d.decode(parts[2]));
        }

        boolean verify(Map<String, Object> jwks) throws Exception {
            if (!"ES256".equals(header.get("alg"))) {
                return false;
            }
            for (Object k : (List<?>) jwks.get("keys")) {
                Map<String, Object> key = obj(k);
                if (key.get("kid").equals(header.get("kid")) && "EC".equals(key.get("kty")) && "P-256".equals(key.get("crv"))) {
                    Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
                    verifier.initVerify(publicKey(key));
                    verifier.update(signingInput);
                    // the low-S form only, as the registry issues and accepts: (r, n - s) is a second spelling
                    BigInteger n = params(key).getOrder();
                    boolean lowS = signature.length == 64
                            && new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)).compareTo(n.shiftRight(1)) <= 0;
                    return verifier.verify(signature) && lowS;
                }
            }
            return false;
        }

        static ECParameterSpec params(Map<String, Object> jwk) throws Exception { // P-256, as verify() checked
            var params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        }

        static PublicKey publicKey(Map<String, Object> jwk) throws Exception {
            var d = Base64.getUrlDecoder();
            var point = new ECPoint(new BigInteger(1, d.decode((String) jwk.get("x"))), new BigInteger(1, d.decode((String) jwk.get("y"))));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params(jwk)));
        }
    }

    /** Just enough JSON: objects, arrays, strings (with escapes), numbers, true, false, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.space();
            if (p.i != p.s.length()) {
                throw new IllegalArgumentException("trailing characters in JSON at " + p.i);
            }
            return v;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                space();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    m.put(key, value());
                    space();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect('}');
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                space();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    space();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect(']');
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            for (String word : new String[] {"true", "false", "null"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("unexpected '" + c + "' in JSON at " + i);
            }
            return new java.math.BigDecimal(s.substring(start, i));
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' in JSON at " + i);
            }
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }
    }
}
