package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GanLossTest {

    @Test
    void namesEachLossAsWrittenInProvenance() {
        assertThat(GanLoss.nonSaturating().name()).isEqualTo("nonSaturating");
        assertThat(GanLoss.minimax().name()).isEqualTo("minimax");
    }

    @Test
    void lossesOfTheSameKindAreEqual() {
        assertThat(GanLoss.nonSaturating()).isEqualTo(GanLoss.nonSaturating()).isNotEqualTo(GanLoss.minimax());
    }
}
