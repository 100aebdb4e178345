package navemu.hsts.preload;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A preload list of the size and shape of Chromium's {@code transport_security_state_static.json}
 * (which cannot be downloaded here): a licence comment, the old {@code pinsets} block, commented
 * sections, and entries whose policies, flags and name lengths follow the real file's mix — most
 * are {@code bulk-*} entries with includeSubDomains, a few hundred are {@code google} and
 * {@code custom} entries with pins or without a mode, a few dozen are public suffixes.
 *
 * <p>Entry {@code i} is named {@link #name(int)}, so tests can ask about names they know are listed.
 */
final class SyntheticPreloadList {

    /** About the number of entries in Chromium's list in 2025. */
    static final int TODAYS_SIZE = 180_000;

    private SyntheticPreloadList() {
    }

    /** The name of entry {@code i}: a label of 5–20 letters and digits under one of a few common suffixes. */
    static String name(int i) {
        String[] suffixes = {"com", "de", "org", "net", "io", "nl", "fr", "co.uk", "com.br", "ru", "dev", "app"};
        Random random = new Random(i);
        StringBuilder label = new StringBuilder();
        int length = 5 + random.nextInt(16);
        for (int c = 0; c < length; c++) {
            label.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return label + "-" + Integer.toString(i, 36) + "." + suffixes[i % suffixes.length];
    }

    /** Writes a list of {@code entries} entries to {@code file}. */
    static void write(Path file, int entries) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    // Copyright 2012 The Chromium Authors
                    // Use of this source code is governed by a BSD-style license that can be
                    // found in the LICENSE file.

                    // This file contains the HSTS preloaded list in a machine readable format.
                    /* A synthetic list of the real one's size and shape, made by navemu's tests. */
                    {
                      "pinsets": [
                        { "name": "test", "static_spki_hashes": [ "TestSPKI" ] },
                        { "name": "google", "static_spki_hashes": [ "GoogleBackup2048", "GTSCAR1" ],
                          "report_uri": "http://clients3.google.com/cert_upload_json" }
                      ],
                      "entries": [
                        // Google domains.
                    """);
            for (int i = 0; i < entries; i++) {
                if (i % 20_000 == 0) {
                    out.write("\n    // START OF BULK ENTRIES (section " + i / 20_000 + ")\n");
                }
                out.write("    { \"name\": \"" + name(i) + "\", ");
                int kind = i % 1000;
                if (kind == 0) {
                    out.write("\"policy\": \"google\", \"include_subdomains\": true, \"pins\": \"google\"");
                } else if (kind < 3) {
                    out.write("\"policy\": \"google\", \"mode\": \"force-https\", \"include_subdomains\": true, \"pins\": \"google\"");
                } else if (kind < 6) {
                    out.write("\"policy\": \"custom\", \"mode\": \"force-https\"");
                } else if (kind == 6) {
                    out.write("\"policy\": \"public-suffix\", \"mode\": \"force-https\", \"include_subdomains\": true");
                } else {
                    String[] bulk = {"bulk-legacy", "bulk-18-weeks", "bulk-1-year", "bulk-1-year"};
                    out.write("\"policy\": \"" + bulk[i % bulk.length] + "\", \"mode\": \"force-https\", \"include_subdomains\": true");
                }
                out.write(i + 1 < entries ? " },\n" : " }\n");
            }
            out.write("    // END OF BULK ENTRIES\n  ]\n}\n");
        }
    }
}
