package io.greenportal.registry.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PortfolioScreenerTest {

    static final String CODE = "91640100MA76A00010";
    static final String OTHER = "91640200MA76B00020";

    PortfolioScreener screener() throws Exception {
        CompanyNames names = NameMatchingQualityTest.companyNames();
        var matcher = new NameMatcher(names, List.of(new NameMatcher.Registered(CODE, "宁夏绿源新材料有限公司"),
                new NameMatcher.Registered(CODE, "宁夏绿源化工有限公司"),
                new NameMatcher.Registered(OTHER, "石嘴山塞上精细化工有限公司")));
        var listing = new ScreeningResult.ListingSummary("id", "GREEN_FACTORY", "PROVINCIAL", "ACTIVE",
                "2024-12-31T00:00+08:00", "GF-640000-2024-0001", false, 2024);
        return new PortfolioScreener(matcher, Map.of(CODE, "宁夏绿源新材料有限公司", OTHER, "石嘴山塞上精细化工有限公司"),
                Map.of(CODE, List.of(listing)));
    }

    @Test
    void aKnownCreditCodeMatchesWhateverTheNameSaysAndTellsWhenTheNameDiffers() throws Exception {
        var r = screener().screen(new PortfolioRow(2, " 91640100ma76a00010 ", "某某公司", "LOAN-1"));
        assertThat(r.outcome()).isEqualTo(Outcome.MATCHED);
        assertThat(r.matchedBy()).isEqualTo("CREDIT_CODE");
        assertThat(r.listings()).hasSize(1);
        assertThat(r.note()).contains("differs");
        assertThat(screener().screen(new PortfolioRow(3, CODE, "寧夏綠源新材料", null)).note()).isNull();
    }

    @Test
    void aFormerNameAndAVariantMatchByName() throws Exception {
        var former = screener().screen(new PortfolioRow(2, null, "宁夏绿源化工有限公司", null));
        assertThat(former.outcome()).isEqualTo(Outcome.MATCHED);
        assertThat(former.registeredName()).isEqualTo("宁夏绿源新材料有限公司");
        var variant = screener().screen(new PortfolioRow(3, null, "綠源新材料（寧夏）股份有限公司", null));
        assertThat(variant.outcome()).isEqualTo(Outcome.MATCHED);
        assertThat(variant.uscc()).isEqualTo(CODE);
        assertThat(variant.matchedBy()).isEqualTo("NAME");
    }

    @Test
    void anUnknownValidCodeNeverMatchesByNameAndAnInvalidOneFallsBackToTheName() throws Exception {
        String unknownCode = io.greenportal.platform.creditcode.Uscc.withCheckCharacter("91640100MA7999999");
        var unknown = screener().screen(new PortfolioRow(2, unknownCode, "宁夏绿源新材料有限公司", null));
        assertThat(unknown.outcome()).isEqualTo(Outcome.CANDIDATES);
        assertThat(unknown.candidates().getFirst().uscc()).isEqualTo(CODE);
        assertThat(unknown.note()).contains("is not in the registry");
        var typo = screener().screen(new PortfolioRow(3, "9164010OMA76A00010", "宁夏绿源新材料有限公司", null));
        assertThat(typo.outcome()).isEqualTo(Outcome.MATCHED);
        assertThat(typo.matchedBy()).isEqualTo("NAME");
        assertThat(typo.note()).contains("is not valid");
    }

    @Test
    void aNameOfAnotherFirmIsNoMatchAndARowWithNothingSaysSo() throws Exception {
        assertThat(screener().screen(new PortfolioRow(2, null, "北京银河水泥有限公司", null)).outcome()).isEqualTo(Outcome.NO_MATCH);
        var empty = screener().screen(new PortfolioRow(3, null, null, "LOAN-9"));
        assertThat(empty.outcome()).isEqualTo(Outcome.NO_MATCH);
        assertThat(empty.note()).isEqualTo("neither a credit code nor a name");
    }

    @Test
    void csvCellsAreQuotedAndFormulasDisarmed() {
        assertThat(ScreeningController.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ScreeningController.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(ScreeningController.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }
}
