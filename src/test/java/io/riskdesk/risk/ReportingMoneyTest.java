package io.riskdesk.risk;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code riskdesk.money.*} as start-up binds and checks it. */
class ReportingMoneyTest {

	@Test
	void bindsTheReportingCurrencyAndRatesAndAddsItsOwnRateOfOne() {
		ReportingMoney money = bind(Map.of("riskdesk.money.reporting-currency", "EUR", "riskdesk.money.rates.USD", "0.93",
				"riskdesk.money.rates.GBP", "1.17"));

		assertThat(money.rates()).containsOnlyKeys("EUR", "USD", "GBP").containsEntry("EUR", BigDecimal.ONE);
		assertThat(money.foreignRates()).containsOnlyKeys("GBP", "USD");
		assertThat(money.hasRate(Currency.getInstance("GBP"))).isTrue();
		assertThat(money.hasRate(Currency.getInstance("SEK"))).isFalse();
		assertThat(money.sqlTable())
			.isEqualTo("(values ('EUR', 1::numeric), ('GBP', 1.17::numeric), ('USD', 0.93::numeric)) as fx(currency, rate)");
	}

	@Test
	void withNothingConfiguredReportsInUsdWithoutOtherRates() {
		ReportingMoney money = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("riskdesk.money", Bindable.of(ReportingMoney.class));

		assertThat(money.reportingCurrency()).isEqualTo("USD");
		assertThat(money.rates()).containsOnlyKeys("USD");
	}

	@Test
	void refusesWhatIsNoIsoCodeOrNoPositiveRate() {
		assertThatThrownBy(() -> new ReportingMoney("usd", Map.of())).hasMessageContaining("reporting-currency")
			.hasMessageContaining("ISO 4217");
		assertThatThrownBy(() -> new ReportingMoney("XYZ", Map.of())).hasMessageContaining("XYZ is no ISO 4217 currency");
		assertThatThrownBy(() -> new ReportingMoney("USD", Map.of("EURO", BigDecimal.ONE)))
			.hasMessageContaining("riskdesk.money.rates.EURO");
		assertThatThrownBy(() -> new ReportingMoney("USD", Map.of("EUR", BigDecimal.ZERO)))
			.hasMessageContaining("riskdesk.money.rates.EUR must be a positive number");
		assertThatThrownBy(() -> new ReportingMoney("USD", Map.of("EUR", new BigDecimal("-1.08"))))
			.hasMessageContaining("must be a positive number");
		assertThatThrownBy(() -> new ReportingMoney("USD", Map.of("USD", new BigDecimal("1.1"))))
			.hasMessageContaining("riskdesk.money.rates.USD must be 1");
		assertThat(new ReportingMoney("USD", Map.of("USD", new BigDecimal("1.000"))).rates()).containsOnlyKeys("USD");
	}

	private static ReportingMoney bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bind("riskdesk.money", ReportingMoney.class)
			.get();
	}

}
