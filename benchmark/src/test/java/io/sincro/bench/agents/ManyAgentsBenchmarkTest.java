package io.sincro.bench.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManyAgentsBenchmarkTest {

    @Test
    void theNumbersOfAgentsGrowTenfoldFromTenToTheMost() {
        assertThat(ManyAgentsBenchmark.scales(1_000)).containsExactly(10, 100, 1_000);
        assertThat(ManyAgentsBenchmark.scales(250)).containsExactly(10, 100, 250);
        assertThat(ManyAgentsBenchmark.scales(10)).containsExactly(10);
        assertThat(ManyAgentsBenchmark.scales(3)).containsExactly(3);
    }
}
