package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import navemu.api.result.CertInfo;
import navemu.api.result.CertificateSummary;
import navemu.api.result.TlsInfo;

/**
 * A completed TLS handshake told as the kind of handshake it was, with the values its trace
 * events carry: TLS 1.3 full, after a HelloRetryRequest, resumed with a PSK, with 0-RTT early data
 * (accepted or rejected); TLS 1.2 with ECDHE or RSA key exchange, with or without the extended
 * master secret, and the abbreviated (resumed) TLS 1.2 handshake. Each paragraph says only what
 * the events show; a value that is not there is not made up.
 */
final class HandshakeStory {

    /** A titled paragraph of {@code explain}. */
    record Paragraph(String title, String text) {
    }

    private final TlsInfo tls;
    private final CertInfo cert;
    private final HandshakeEvents events;
    private final boolean secrets;

    HandshakeStory(TlsInfo tls, CertInfo cert, HandshakeEvents events, boolean secrets) {
        this.tls = tls;
        this.cert = cert;
        this.events = events;
        this.secrets = secrets;
    }

    private boolean tls13() {
        return "TLSv1.3".equals(tls.version());
    }

    /** The paragraphs after the hello: key exchange, the server's proof, Finished, what came after. */
    List<Paragraph> paragraphs() {
        List<Paragraph> out = new ArrayList<>();
        if (tls13()) {
            helloRetry().ifPresent(text -> out.add(new Paragraph("retry", text)));
            out.add(new Paragraph(tls.resumed() ? "resume" : "keys", tls.resumed() ? tls13Resumption() : tls13Keys()));
            earlyData().ifPresent(text -> out.add(new Paragraph("0-rtt", text)));
            if (!tls.resumed()) {
                out.add(new Paragraph("proof", tls13CertificateVerify()));
            }
        } else if (tls.resumed()) {
            out.add(new Paragraph("resume", tls12Abbreviated()));
        } else {
            out.add(new Paragraph("keys", tls12KeyExchange()));
            out.add(new Paragraph("master", tls12MasterSecret()));
        }
        out.add(new Paragraph("finished", finished()));
        afterHandshake().ifPresent(text -> out.add(new Paragraph("after", text)));
        return out;
    }

    // ---- TLS 1.3 --------------------------------------------------------------------------------

    private Optional<String> helloRetry() {
        return events.first(false, "HelloRetryRequest").map(hrr -> {
            StringBuilder text = new StringBuilder("The server answered the first ClientHello with a HelloRetryRequest");
            String group = hrr.field("selected_group");
            if (group != null) {
                text.append(": none of the key shares sent was for a group it takes, so it asked for ").append(group);
            }
            text.append(" (RFC 8446 §4.1.4). The client sent a second ClientHello");
            events.last(true, "ClientHello").map(ch -> ch.field("key_share")).ifPresent(share ->
                    text.append(" with a key share for ").append(share));
            text.append(", the same random, and the HelloRetryRequest replacing the first ClientHello in the transcript"
                    + " (as a message_hash). That cost one round trip more.");
            return text.toString();
        });
    }

    private String tls13Keys() {
        StringBuilder text = new StringBuilder("Key exchange (ECDHE): the client's key_share extension carried an ephemeral public key for ");
        text.append(events.last(true, "ClientHello").map(ch -> ch.field("key_share")).orElse(group()));
        text.append("; the server's key_share answered with its own ephemeral ").append(group()).append(" public key. ");
        text.append("Each combined its own private key with the other's public key and got the same ECDHE shared secret, "
                + "which never crossed the wire. HKDF turned it, mixed with the hash of the messages so far, into the "
                + "handshake traffic keys (everything after the ServerHello is encrypted) and then the application traffic "
                + "keys (RFC 8446 §7.1). Because the key shares are thrown away, a recording cannot be decrypted later even "
                + "with the server's private key (forward secrecy).");
        if (secrets) {
            events.secret("(EC)DHE shared secret").ifPresent(v -> text.append(" ECDHE shared secret: ").append(v).append('.'));
            events.secret("handshake_secret").ifPresent(v -> text.append(" handshake_secret: ").append(v).append('.'));
            events.secret("master_secret").ifPresent(v -> text.append(" master_secret: ").append(v).append('.'));
        }
        return text.toString();
    }

    private String tls13Resumption() {
        StringBuilder text = new StringBuilder("Resumption with a pre-shared key: the client offered, in its ClientHello's "
                + "pre_shared_key extension, the ticket an earlier connection's NewSessionTicket gave it, with "
                + "psk_key_exchange_modes psk_dhe_ke, and a binder (an HMAC keyed from the ticket's secret) proving it holds "
                + "that secret. The server's ServerHello selected the ticket, so the key schedule starts from the "
                + "resumption PSK instead of zeros (RFC 8446 §4.2.11, §7.1).");
        text.append(" With psk_dhe_ke a fresh ").append(group()).append(" key exchange still happened in the key_share "
                + "extensions, so this connection keeps forward secrecy (§4.2.9).");
        text.append(" The server sent no Certificate and no CertificateVerify: knowing the PSK proves it is the server of the "
                + "earlier session. The session was resumed from an earlier one, so the server sent no certificate and none "
                + "was checked on the wire: that is the saving resumption buys");
        text.append(events.noted("re-validat") ? "; navemu still re-validated the chain stored with the session, as Chrome does." : ".");
        if (secrets) {
            events.secret("psk_binder").ifPresent(v -> text.append(" psk_binder: ").append(v).append('.'));
            events.secret("early_secret").ifPresent(v -> text.append(" early_secret (from the PSK): ").append(v).append('.'));
            events.secret("master_secret").ifPresent(v -> text.append(" master_secret: ").append(v).append('.'));
        }
        return text.toString();
    }

    /** 0-RTT: sent with the ClientHello, then accepted or rejected in EncryptedExtensions. */
    private Optional<String> earlyData() {
        Optional<HandshakeEvents.Message> sent = events.first(true, "early data (0-RTT)");
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        String verdict = events.field(false, "EncryptedExtensions", "early_data").orElse(tls.earlyData() ? "accepted" : "rejected");
        StringBuilder text = new StringBuilder("0-RTT: the request went out as early data right behind the ClientHello, "
                + "encrypted with keys from client_early_traffic_secret (derived from the ticket's PSK), before any answer. ");
        if ("accepted".equals(verdict)) {
            text.append("The server accepted it (early_data in EncryptedExtensions) and answered it without waiting for the "
                    + "handshake to end; the client then sent EndOfEarlyData (RFC 8446 §4.2.10, §4.5). Early data can be "
                    + "replayed by an attacker, so a browser sends only a safe request (GET) this way.");
        } else {
            text.append("The server rejected it (no early_data in EncryptedExtensions): those bytes were discarded, and the "
                    + "client sent the request again once the handshake was done (RFC 8446 §4.2.10).");
        }
        return Optional.of(text.toString());
    }

    private String tls13CertificateVerify() {
        StringBuilder text = new StringBuilder("The server proved it holds the private key of its certificate: ");
        Optional<HandshakeEvents.Message> verify = events.first(false, "CertificateVerify");
        if (verify.isEmpty()) {
            return text.append("a CertificateVerify message signs the handshake so far (RFC 8446 §4.4.3).").toString();
        }
        text.append("CertificateVerify carried a signature (").append(verify.get().field("algorithm"));
        if (verify.get().field("signature") != null) {
            text.append(", ").append(verify.get().field("signature"));
        }
        text.append(") over 64 spaces, the context string \"TLS 1.3, server CertificateVerify\", a zero byte and the ")
                .append(hashOf(tls.cipherSuite())).append(" hash of every handshake message from ClientHello to Certificate");
        leaf().ifPresent(leaf -> text.append(", made with the private key that belongs to the ").append(keyOf(leaf))
                .append(" in the certificate of ").append(leaf.subject()));
        text.append(". The client checked it with that public key (RFC 8446 §4.4.3): only the key's holder can sign this "
                + "handshake, and the signature covers both key shares, so nobody in the middle can have swapped them.");
        return text.toString();
    }

    // ---- TLS 1.2 --------------------------------------------------------------------------------

    private String tls12KeyExchange() {
        if ("RSA".equals(tls.keyExchange()) || tls.group() == null && events.first(false, "ServerKeyExchange").isEmpty()) {
            StringBuilder text = new StringBuilder("RSA key exchange: the client made a 48-byte pre-master secret, encrypted "
                    + "it with the public key in the server's certificate");
            leaf().ifPresent(leaf -> text.append(" (").append(keyOf(leaf)).append(')'));
            text.append(" and sent it in ClientKeyExchange");
            events.field(true, "ClientKeyExchange", "encrypted_pre_master_secret").ifPresent(v -> text.append(": ").append(v));
            text.append(". The secret is the client's version (0x0303) and 46 random bytes. Only the holder of the "
                    + "certificate's private key can decrypt it; the server proved it did when "
                    + "its Finished, keyed from the secret, verified. Anyone who later gets the server's private key can "
                    + "decrypt a recording: there is no forward secrecy, which is why TLS 1.3 and current browsers dropped it.");
            secret("pre_master_secret", "pre_master_secret").ifPresent(text::append);
            return text.toString();
        }
        StringBuilder text = new StringBuilder("ECDHE key exchange: the server sent an ephemeral ");
        Optional<HandshakeEvents.Message> ske = events.first(false, "ServerKeyExchange");
        text.append(ske.map(m -> m.field("named_curve")).orElse(group())).append(" public key");
        ske.map(m -> m.field("public")).ifPresent(v -> text.append(" (").append(v).append(')'));
        text.append(" in ServerKeyExchange, signed");
        ske.map(m -> m.field("signature_algorithm")).ifPresent(v -> text.append(" with ").append(v));
        leaf().ifPresent(leaf -> text.append(" by the private key of the certificate's ").append(keyOf(leaf)));
        text.append(" over both hello randoms and the key (RFC 8422 §5.4), so it is the certified server's key for this "
                + "very handshake. The client answered with its own ephemeral public key in ClientKeyExchange");
        // The field reads "32 bytes (x25519)": said once in parentheses, as "(32 bytes, x25519)".
        events.field(true, "ClientKeyExchange", "public").ifPresent(v -> text.append(" (")
                .append(v.replace(" (", ", ").replace(")", "")).append(')'));
        text.append(". Each combined its own private key with the other's public key: that shared secret is the "
                + "pre-master secret, which never crossed the wire (forward secrecy).");
        secret("pre_master_secret", "pre_master_secret").ifPresent(text::append);
        return text.toString();
    }

    private String tls12MasterSecret() {
        StringBuilder text = new StringBuilder();
        boolean extended = events.hasExtension(false, "ServerHello", "extended_master_secret") || events.noted("extended master secret");
        if (extended) {
            text.append("Both hellos carried extended_master_secret, so the master secret was made from the session hash "
                    + "(RFC 7627 §4): master_secret = PRF(pre_master_secret, \"extended master secret\", session_hash), where "
                    + "session_hash is the ").append(hashOf(tls.cipherSuite())).append(" hash of every handshake message from "
                    + "ClientHello up to ClientKeyExchange, not the two randoms. That ties the master secret to this whole "
                    + "handshake, certificate and key exchange included: a man in the middle cannot make two connections share "
                    + "one (the triple handshake attack).");
        } else {
            text.append("The server did not answer extended_master_secret, so the master secret comes from both randoms (RFC "
                    + "5246 §8.1): master_secret = PRF(pre_master_secret, \"master secret\", ClientHello.random + "
                    + "ServerHello.random)");
            randoms().ifPresent(r -> text.append(", with ").append(r));
            text.append('.');
        }
        text.append(" The PRF (").append(hashOf(tls.cipherSuite())).append(") then expanded the master secret and both randoms "
                + "into the key block: each side's write key and IV (RFC 5246 §6.3).");
        secret("master_secret", "master_secret").ifPresent(text::append);
        return text.toString();
    }

    private String tls12Abbreviated() {
        StringBuilder text = new StringBuilder("Abbreviated handshake (RFC 5246 §7.3, Figure 2): the client offered ");
        Optional<String> ticket = events.field(true, "ClientHello", "session_ticket");
        Optional<String> id = events.field(true, "ClientHello", "session_id").filter(v -> !v.startsWith("("));
        if (ticket.isPresent()) {
            text.append("the session ticket (").append(ticket.get()).append(") of an earlier session (RFC 5077)");
        } else {
            text.append("the session id ").append(id.orElse("of an earlier session"));
        }
        text.append(", and the server resumed it");
        events.field(false, "ServerHello", "session_id").filter(v -> !v.startsWith("(")).ifPresent(v ->
                text.append(" (ServerHello session_id ").append(v).append(')'));
        text.append(". The session was resumed from an earlier one, so the server sent no certificate and there was no key "
                + "exchange: the stored master secret and the two new randoms made new keys. The server sent its "
                + "ChangeCipherSpec and Finished first, the client answered with its own: one round trip instead of two");
        text.append(events.noted("re-validat") ? "; navemu re-validated the chain stored with the session, as Chrome does." : ".");
        randoms().ifPresent(r -> text.append(" New randoms: ").append(r).append('.'));
        return text.toString();
    }

    // ---- both -----------------------------------------------------------------------------------

    private String finished() {
        StringBuilder text = new StringBuilder("Each side then sent Finished: ");
        if (tls13()) {
            text.append("an HMAC over every handshake message so far, keyed from its handshake traffic secret");
        } else {
            text.append("verify_data = PRF(master_secret, \"server finished\" or \"client finished\", hash of the handshake "
                    + "messages), 12 bytes, sent encrypted right after ChangeCipherSpec");
        }
        Optional<String> server = events.field(false, "Finished", "verify_data");
        Optional<String> client = events.field(true, "Finished", "verify_data");
        if (server.isPresent() || client.isPresent()) {
            text.append(". The server's verify_data was ").append(server.orElse("not traced"))
                    .append(", the client's ").append(client.orElse("not traced"));
        }
        text.append(". The client checked the server's and the server the client's, which proves both saw the same messages "
                + "and hold the same keys: nobody in the middle changed the offer or the choice")
                .append(tls13() ? " (RFC 8446 §4.4.4)." : " (RFC 5246 §7.4.9).");
        return text.toString();
    }

    /** NewSessionTickets and other messages the connection carried after the handshake. */
    private Optional<String> afterHandshake() {
        List<HandshakeEvents.Message> tickets = events.afterHandshake().stream()
                .filter(m -> !m.fromClient() && "NewSessionTicket".equals(m.name())).toList();
        List<HandshakeEvents.Message> tickets12 = events.all(false, "NewSessionTicket").stream()
                .filter(m -> !m.afterHandshake()).toList();
        if (tickets.isEmpty() && tickets12.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        if (!tickets.isEmpty()) {
            HandshakeEvents.Message first = tickets.get(0);
            text.append("After the handshake, while the request was under way, the server sent ").append(tickets.size())
                    .append(tickets.size() == 1 ? " NewSessionTicket" : " NewSessionTickets").append(" (")
                    .append(first.field("ticket") == null ? "" : first.field("ticket") + ", ")
                    .append("lifetime ").append(first.field("ticket_lifetime"))
                    .append(", max_early_data_size ").append(first.field("max_early_data_size"))
                    .append("): the next visit can resume with it instead of a full handshake (RFC 8446 §4.6.1).");
        } else {
            text.append("Before its ChangeCipherSpec the server sent a NewSessionTicket (lifetime hint ")
                    .append(tickets12.get(0).field("ticket_lifetime_hint"))
                    .append("): the next visit can resume with it (RFC 5077).");
        }
        if (events.noted("NewSessionTicket stored")) {
            text.append(" The client kept it.");
        } else if (events.noted("NewSessionTicket not kept")) {
            text.append(" The client did not keep it.");
        }
        return Optional.of(text.toString());
    }

    private Optional<String> randoms() {
        Optional<String> client = events.field(true, "ClientHello", "random");
        Optional<String> server = events.field(false, "ServerHello", "random");
        if (client.isEmpty() && server.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("ClientHello.random " + client.orElse("(not traced)") + " and ServerHello.random "
                + server.orElse("(not traced)"));
    }

    /** " label: value." with --secrets; without it, nothing (the secrets stay hidden as in trace). */
    private Optional<String> secret(String label, String name) {
        return secrets ? events.secret(label).map(v -> " " + name + ": " + v + '.') : Optional.empty();
    }

    private String group() {
        return tls.group() == null ? "ECDHE" : tls.group();
    }

    private Optional<CertificateSummary> leaf() {
        return cert == null || cert.chain.isEmpty() ? Optional.empty() : Optional.of(cert.chain.get(0));
    }

    private static String keyOf(CertificateSummary leaf) {
        return leaf.keyType() + (leaf.keyBits() > 0 ? " " + leaf.keyBits() + "-bit" : "") + " key";
    }

    /** The suite's hash, from its name: TLS_AES_256_GCM_SHA384 → SHA-384. */
    static String hashOf(String suite) {
        if (suite != null && suite.endsWith("SHA384")) {
            return "SHA-384";
        }
        return "SHA-256";
    }
}
