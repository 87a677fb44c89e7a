package io.sincro.rules.flow;

import java.util.List;
import java.util.Objects;

/**
 * A customer that arrived with data different from what this station holds for the same code. It
 * was not overwritten (MISSION.md: updates of an existing customer are not propagated): someone
 * should decide which data is right.
 */
public record CustomerDifference(String code, List<Field> fields) {

    /** One field that differs: its value here and in the package. */
    public record Field(String name, String here, String arrived) {
    }

    public CustomerDifference {
        Objects.requireNonNull(code, "code");
        fields = List.copyOf(fields);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("customer " + code + ":");
        for (Field f : fields) {
            text.append(' ').append(f.name()).append(" '").append(f.here()).append("' here, '").append(f.arrived())
                    .append("' arrived;");
        }
        return text.toString();
    }
}
