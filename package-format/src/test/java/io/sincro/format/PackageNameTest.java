package io.sincro.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;

class PackageNameTest {

    @Test
    void aNameTellsSenderStreamAndSequence() {
        PackageName up = PackageName.parse("A01_to_HQ_000000042.sincro").orElseThrow();
        PackageName down = PackageName.parse("HQ_to_A01_000000007.sincro").orElseThrow();
        PackageName catalog = PackageName.parse("HQ_catalog_000000019.sincro").orElseThrow();

        assertThat(up).isEqualTo(new PackageName(PackageStream.fromAgent("A01"), 42));
        assertThat(up.stream().sender()).isEqualTo("A01");
        assertThat(up.stream().recipient()).isEqualTo("HQ");
        assertThat(down).isEqualTo(new PackageName(PackageStream.toAgent("A01"), 7));
        assertThat(down.stream().recipient()).isEqualTo("A01");
        assertThat(catalog).isEqualTo(new PackageName(PackageStream.catalog(), 19));
        assertThat(catalog.stream().recipient()).isEqualTo("*");
    }

    @Test
    void aNameReadsBackAsItIsWritten() {
        for (PackageName name : new PackageName[] {new PackageName(PackageStream.fromAgent("ZZ9"), 1),
                new PackageName(PackageStream.toAgent("A123456789"), 999_999_999), new PackageName(PackageStream.catalog(), 3)}) {
            assertThat(PackageName.parse(name.fileName())).contains(name);
        }
    }

    @Test
    void namesSortInSequenceOrder() {
        assertThat(new PackageName(PackageStream.catalog(), 9).fileName())
                .isLessThan(new PackageName(PackageStream.catalog(), 10).fileName());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ".A01_to_HQ_000000001.sincro.part", "A01_to_HQ_000000001.sincro.tmp", "A01_to_HQ_000000001.sincro~",
            "A01_to_HQ_1.sincro", "A01_to_HQ_0000000001.sincro", "A01_to_HQ_000000000.sincro",
            "a01_to_HQ_000000001.sincro", "HQ_to_HQ_000000001.sincro", "HQ_to_A01_000000001.SINCRO",
            "HQ_catalog_000000001.sincro.sincro", "foo.sincro", "", "../A01_to_HQ_000000001.sincro",
            "/tmp/A01_to_HQ_000000001.sincro", "sub/A01_to_HQ_000000001.sincro", "..\\A01_to_HQ_000000001.sincro",
            "A01_to_HQ_000000001.sincro\n", " A01_to_HQ_000000001.sincro", "A01_to_A02_000000001.sincro",
            "HQ_to_A0123456789X_000000001.sincro"})
    void temporaryForeignAndPathLikeNamesAreNotPackages(String name) {
        assertThat(PackageName.parse(name)).isEmpty();
        assertThat(PackageName.isPackageName(name)).isFalse();
    }

    @Test
    void aPackagePathStaysInItsFolder() {
        Path folder = Path.of("/var/sincro/inbox");
        PackageName name = PackageName.parse("HQ_to_A01_000000007.sincro").orElseThrow();

        assertThat(name.in(folder).getParent()).isEqualTo(folder);
        assertThat(name.in(folder).normalize()).isEqualTo(name.in(folder));
    }

    @Test
    void sequenceNumbersStayWithinNineDigits() {
        assertThatThrownBy(() -> new PackageName(PackageStream.catalog(), 1_000_000_000L))
                .hasMessageContaining("from 1 to 999999999");
    }
}
