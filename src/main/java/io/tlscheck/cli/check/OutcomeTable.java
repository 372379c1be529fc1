package io.tlscheck.cli.check;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code kubectl get tlschecks}-like table of {@code tlscheck check}. */
public final class OutcomeTable {
    private static final String[] HEADERS = {"NAMESPACE", "NAME", "TARGET", "READY", "VERDICT", "EXPIRES-IN", "PROTOCOL",
        "REASON", "MESSAGE"};

    private OutcomeTable() {
    }

    public static void print(List<CheckOutcome> outcomes, Instant now, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (CheckOutcome o : outcomes) {
            rows.add(new String[] {o.namespace(), o.name(), o.target(), o.ready(), o.verdictName(), o.expiresIn(now),
                o.protocol(), o.reason(), o.message()});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]);
                if (c < row.length - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length() + 3));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
