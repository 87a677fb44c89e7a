package io.sincro.agent.orders;

import static io.sincro.agent.testing.AgentFixture.BIANCHI;
import static io.sincro.agent.testing.AgentFixture.ROSSI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.agent.testing.AgentFixture;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.OrderTemplate;

class AgentTemplatesTest {

    @TempDir
    Path dir;

    private AgentFixture station;
    private AgentOrders orders;
    private AgentTemplates templates;

    @BeforeEach
    void openStation() {
        station = AgentFixture.in(dir);
        orders = station.station.orders();
        templates = station.station.templates();
    }

    @AfterEach
    void closeStation() {
        station.close();
    }

    @Test
    void anOrderSavedAsTemplateStartsOrdersForAnyCustomerPricedForIt() {
        OrderNumber weekly = rossiOrder();
        orders.submit(weekly);

        OrderTemplate saved = templates.save(weekly, "settimanale", false);
        DraftOrder forBianchi = templates.newOrder("settimanale", BIANCHI);

        assertThat(saved.sourceOrder()).isEqualTo("A01/000001");
        assertThat(saved.lines()).extracting(OrderTemplate.Line::lineNo, OrderTemplate.Line::productCode)
                .containsExactly(tuple(1, "P003"), tuple(2, "P001"));
        assertThat(forBianchi.details().order().status()).isEqualTo(OrderStatus.DRAFT);
        assertThat(forBianchi.details().order().customerCode()).isEqualTo(BIANCHI);
        assertThat(forBianchi.details().lines()).extracting(l -> l.line().productCode()).containsExactly("P003");
        assertThat(forBianchi.details().lines().get(0).line().unitPrice()).isEqualByComparingTo("6.00");
        assertThat(forBianchi.details().lines().get(0).line().quantity()).isEqualByComparingTo("12");
        assertThat(forBianchi.leftOut()).singleElement().asString().startsWith("P001 left out: customer C00002 has no special price");
    }

    @Test
    void templateLinesNumberFromOneWhateverTheOrdersGaps() {
        OrderNumber n = rossiOrder();
        orders.addLine(n, NewLine.of("P002", "1"));
        orders.removeLine(n, 1);

        assertThat(templates.save(n, "gaps", false).lines()).extracting(OrderTemplate.Line::lineNo).containsExactly(1, 2);
    }

    @Test
    void anExistingNameIsReplacedOnlyWhenAsked() {
        OrderNumber n = rossiOrder();
        templates.save(n, "settimanale", false);
        orders.addLine(n, NewLine.of("P002", "1"));

        assertThatThrownBy(() -> templates.save(n, "settimanale", false))
                .isInstanceOf(AgentWorkException.class)
                .hasMessage("template 'settimanale' already exists; choose another name, or replace it with --replace");
        assertThat(templates.save(n, "settimanale", true).lines()).hasSize(3);
        assertThat(templates.list()).singleElement().extracting(t -> t.lines().size()).isEqualTo(3);
    }

    @Test
    void anOrderWithoutLinesMakesNoTemplate() {
        OrderNumber empty = orders.create(ROSSI, null).number();

        assertThatThrownBy(() -> templates.save(empty, "vuoto", false))
                .isInstanceOf(AgentWorkException.class)
                .hasMessage("order A01/000001 has no lines, so there is nothing to save as template 'vuoto'; add lines first"
                        + " with 'sincro order add-line A01/000001 PRODUCT QUANTITY'");
    }

    @Test
    void aTemplateNameIsShortAndPlain() {
        OrderNumber n = rossiOrder();

        assertThatThrownBy(() -> templates.save(n, " ", false))
                .hasMessage("the template name is empty; give one such as weekly-hardware");
        assertThatThrownBy(() -> templates.save(n, "a/b", false))
                .hasMessage("template name 'a/b' holds characters other than letters, digits, spaces, dots, dashes and"
                        + " underscores; use a name such as weekly-hardware");
        assertThatThrownBy(() -> templates.save(n, "x".repeat(41), false))
                .hasMessageStartingWith("template name 'xxx").hasMessageEndingWith("has 41 characters; use at most 40");
    }

    @Test
    void anUnknownTemplateSaysHowToListThem() {
        String message = "there is no template 'nessuno' on this station; list them with 'sincro order template list'";
        assertThatThrownBy(() -> templates.newOrder("nessuno", ROSSI)).isInstanceOf(AgentWorkException.class).hasMessage(message);
        assertThatThrownBy(() -> templates.show("nessuno")).hasMessage(message);
        assertThatThrownBy(() -> templates.delete("nessuno")).hasMessage(message);
    }

    @Test
    void aTemplateForAnUnknownCustomerMakesNoOrder() {
        templates.save(rossiOrder(), "settimanale", false);

        assertThatThrownBy(() -> templates.newOrder("settimanale", "C99999"))
                .hasMessageStartingWith("customer C99999 is not on this station");
        assertThat(orders.list(OrderFilter.all())).hasSize(1);
    }

    @Test
    void aDeletedTemplateIsGone() {
        templates.save(rossiOrder(), "settimanale", false);

        templates.delete("settimanale");

        assertThat(templates.list()).isEmpty();
    }

    @Test
    void productsDeactivatedSinceAreLeftOutOfNewOrders() {
        templates.save(rossiOrder(), "settimanale", false);
        station.deactivate("P003");

        DraftOrder order = templates.newOrder("settimanale", ROSSI);

        assertThat(order.details().lines()).extracting(l -> l.line().productCode()).containsExactly("P001");
        assertThat(order.leftOut()).containsExactly("P003 left out: it is inactive since the last catalog update");
    }

    private OrderNumber rossiOrder() {
        OrderNumber n = orders.create(ROSSI, null).number();
        orders.addLine(n, NewLine.of("P003", "12"));
        orders.addLine(n, NewLine.of("P001", "3"));
        return n;
    }
}
