package io.sincro.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * A class whose SQL names none of the exchange ledger's tables. SQL is written as string constants
 * (text blocks included), which the compiler keeps whole in the class file's constant pool, so the
 * class file itself is searched: a table named after FROM, INTO, UPDATE, JOIN or TABLE is a
 * statement touching it, while the same word in a sentence ("an acknowledgement") is not.
 */
final class LedgerTablesUntouched extends ArchCondition<JavaClass> {

    private static final Pattern TOUCHING = Pattern.compile(
            "(?i)\\b(?:FROM|INTO|UPDATE|JOIN|TABLE)\\s+(exported_package|sent_acknowledgement|imported_package"
                    + "|acknowledgement|snapshot_request|agent_health)\\b");

    LedgerTablesUntouched() {
        super("touch none of the ledger's tables (exported_package, sent_acknowledgement, imported_package,"
                + " acknowledgement, snapshot_request, agent_health)");
    }

    @Override
    public void check(JavaClass javaClass, ConditionEvents events) {
        Matcher m = TOUCHING.matcher(constants(javaClass));
        while (m.find()) {
            events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " runs SQL on the ledger's table "
                    + m.group(1) + " (\"" + m.group().replaceAll("\\s+", " ") + "\")"));
        }
    }

    /** The class file's bytes as text: every string constant appears in it whole. */
    private static String constants(JavaClass javaClass) {
        var source = javaClass.getSource().orElseThrow(() -> new IllegalStateException(
                "ArchUnit knows no class file for " + javaClass.getName()));
        try (InputStream in = source.getUri().toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the class file of " + javaClass.getName() + " at "
                    + source.getUri() + ": " + e.getMessage(), e);
        }
    }
}
