package io.sincro.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class FolderTest {

    @Test
    void eachAgentHasAFolderInEachDirection() {
        assertThat(Folder.fromAgent("A01").path()).isEqualTo("SincroAg/A01");
        assertThat(Folder.toAgent("A01").path()).isEqualTo("SincroSede/A01");
        assertThat(Folder.agentFolders("A01")).containsExactly(Folder.of("SincroAg/A01"), Folder.of("SincroSede/A01"));
        assertThat(Folder.headOfficeFolders()).containsExactly(Folder.SINCRO_AG, Folder.SINCRO_SEDE);
        assertThat(Folder.of("SincroAg/A01").withParents()).containsExactly(Folder.SINCRO_AG, Folder.fromAgent("A01"));
    }

    @Test
    void folderNamesCannotLeadOutsideTheMailbox() {
        for (String bad : List.of("..", "a/../b", "/abs", "", "a\\b", "x\ny")) {
            assertThatThrownBy(() -> Folder.of(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Folder.fromAgent("../A02")).isInstanceOf(IllegalArgumentException.class);
    }
}
