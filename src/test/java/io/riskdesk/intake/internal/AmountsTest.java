package io.riskdesk.intake.internal;

import java.util.Currency;

import io.riskdesk.intake.internal.Amounts.Found;
import io.riskdesk.intake.internal.Amounts.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Money as people write it, and the numbers that are not money. */
class AmountsTest {

	static String money(String text) {
		return Amounts.first(text).map(f -> f.money().currency().getCurrencyCode() + " " + f.money().amount().toPlainString())
			.orElse(null);
	}

	@Test
	void symbolsCodesAndWords() {
		assertThat(money("ARR of $1.45M")).isEqualTo("USD 1450000");
		assertThat(money("€300k contract")).isEqualTo("EUR 300000");
		assertThat(money("USD 1,450,000")).isEqualTo("USD 1450000");
		assertThat(money("worth 1.2 million dollars")).isEqualTo("USD 1200000");
		assertThat(money("CHF 2.3 Mio")).isEqualTo("CHF 2300000");
		assertThat(money("about 800,000 euros")).isEqualTo("EUR 800000");
		assertThat(money("450k pounds")).isEqualTo("GBP 450000");
		assertThat(money("12 million yen")).isEqualTo("JPY 12000000");
		assertThat(money("90k Swiss francs")).isEqualTo("CHF 90000");
		assertThat(money("£90k/month")).isEqualTo("GBP 90000");
	}

	@Test
	void dollarsAreUsUnlessTheTextSaysOtherwise() {
		assertThat(money("$500k")).isEqualTo("USD 500000");
		assertThat(money("A$40k")).isEqualTo("AUD 40000");
		assertThat(money("C$2M")).isEqualTo("CAD 2000000");
		assertThat(money("$1.2M CAD")).isEqualTo("CAD 1200000");
		assertThat(money("1.2 million Canadian dollars")).isEqualTo("CAD 1200000");
	}

	@Test
	void perMonthAndPerYear() {
		assertThat(Amounts.first("£90k/month").get().period()).isEqualTo(Period.MONTH);
		assertThat(Amounts.first("€7,500 per month").get().period()).isEqualTo(Period.MONTH);
		assertThat(Amounts.first("$20k a month").get().period()).isEqualTo(Period.MONTH);
		assertThat(Amounts.first("$240k per year").get().period()).isEqualTo(Period.YEAR);
		assertThat(Amounts.first("€1M annually").get().period()).isEqualTo(Period.YEAR);
		assertThat(Amounts.first("$240k").get().period()).isNull();
	}

	@Test
	void numbersThatAreNotMoney() {
		assertThat(money("45 Sev-1 tickets")).isNull();
		assertThat(money("usage down 40%")).isNull();
		assertThat(money("1,200 users affected")).isNull();
		assertThat(money("since 2025")).isNull();
		assertThat(money("in 5 months")).isNull();
	}

	@Test
	void afterAContractWordAnAmountMayOmitItsCurrency() {
		Currency euro = Currency.getInstance("EUR");
		Found bare = Amounts.stated("ARR 640K", 3, euro).get();
		assertThat(bare.money().amount()).isEqualByComparingTo("640000");
		assertThat(bare.money().currency()).isEqualTo(euro);
		assertThat(bare.currencyStated()).isFalse();
		assertThat(Amounts.stated("ARR: $1.2M", 3, euro).get().money().currency().getCurrencyCode()).isEqualTo("USD");
		assertThat(Amounts.stated("ACV 1,200,000", 3, euro).get().money().amount()).isEqualByComparingTo("1200000");
		// Years, percentages and small counts after the word are not its amount.
		assertThat(Amounts.stated("ARR 2026 review", 3, euro)).isEmpty();
		assertThat(Amounts.stated("ARR down 20%", 3, euro)).isEmpty();
		assertThat(Amounts.stated("ARR 20% below plan", 3, euro)).isEmpty();
		assertThat(Amounts.stated("ARR 45 tickets", 3, euro)).isEmpty();
	}

}
