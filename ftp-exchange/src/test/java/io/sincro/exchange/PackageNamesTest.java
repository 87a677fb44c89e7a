package io.sincro.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PackageNamesTest {

    private final PackageNames names = PackageNames.endingWith(".sincro", ".ack");

    @Test
    void finalNamesAreThoseTheRuleAcceptsAndNothingTemporaryOrUnsafe() {
        assertThat(names.isPackage("A01-000001.sincro")).isTrue();
        assertThat(names.isPackage("A01-000001.ack")).isTrue();
        assertThat(names.isPackage("A01 000001.sincro")).isTrue();
        assertThat(names.isPackage("notes.txt")).isFalse();
        assertThat(names.isPackage("A01-000001.sincro.part-0a1b2c")).isFalse();
        assertThat(names.isPackage("../A01-000001.sincro")).isFalse();
        assertThat(names.isPackage("C:A01.sincro")).isFalse();
        assertThat(names.isPackage("-rf.sincro")).isFalse();
        assertThat(names.isPackage(" A01.sincro")).isFalse();
        assertThat(names.isPackage("A01\u0000.sincro")).isFalse();
        assertThat(names.isPackage("*.sincro")).isFalse();
    }

    @Test
    void aTemporaryNameNeverMatchesEvenAPermissiveRule() {
        PackageNames everything = PackageNames.matching(Pattern.compile(".*"));
        String temporary = everything.temporaryName("A01-000001.sincro");

        assertThat(temporary).matches("A01-000001\\.sincro\\.part-[0-9a-f]{12}");
        assertThat(PackageNames.isTemporary(temporary)).isTrue();
        assertThat(everything.isPackage(temporary)).isFalse();
        assertThat(everything.temporaryName("A01-000001.sincro")).isNotEqualTo(temporary);
    }

    @Test
    void uploadsAcceptSafeNamesThatAreNotTemporary() {
        assertThat(PackageNames.requireFinalName("sincro-check-1.probe")).isEqualTo("sincro-check-1.probe");
        assertThatThrownBy(() -> PackageNames.requireFinalName("a/b.sincro")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackageNames.requireFinalName("x.sincro.part-00ff")).isInstanceOf(IllegalArgumentException.class);
    }
}
