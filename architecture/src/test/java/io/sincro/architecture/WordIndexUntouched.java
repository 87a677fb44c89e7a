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
 * A class whose SQL names the word index of product descriptions ({@code product_word}) nowhere,
 * searched in the class file's string constants as {@link LedgerTablesUntouched} searches them.
 */
final class WordIndexUntouched extends ArchCondition<JavaClass> {

    private static final Pattern TOUCHING = Pattern.compile("(?i)\\b(?:FROM|INTO|UPDATE|JOIN|TABLE)\\s+product_word\\b");

    WordIndexUntouched() {
        super("touch not the word index of product descriptions (product_word)");
    }

    @Override
    public void check(JavaClass javaClass, ConditionEvents events) {
        var source = javaClass.getSource().orElseThrow(() -> new IllegalStateException(
                "ArchUnit knows no class file for " + javaClass.getName()));
        String constants;
        try (InputStream in = source.getUri().toURL().openStream()) {
            constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the class file of " + javaClass.getName() + " at "
                    + source.getUri() + ": " + e.getMessage(), e);
        }
        Matcher m = TOUCHING.matcher(constants);
        while (m.find()) {
            events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                    + " runs SQL on the word index product_word (\"" + m.group().replaceAll("\\s+", " ") + "\")"));
        }
    }
}
