package io.riskdesk.demo.portfolio;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.riskdesk.account.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DemoTelemetryTest {

	private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

	private static final Currency USD = Currency.getInstance("USD");

	@Test
	void eachDemoAccountGetsOneGeneratedAccountsTelemetryUnderItsOwnId() {
		Map<PortfolioFile, String> files = DemoTelemetry.csv(TODAY,
				List.of(new DemoTelemetry.Request("CRM-A", Segment.MID_MARKET, USD, RiskPattern.SPONSOR_DEPARTURE),
						new DemoTelemetry.Request("CRM-B", Segment.SMB, USD, RiskPattern.NONE)));

		assertThat(files.keySet()).containsExactlyInAnyOrder(PortfolioFile.USAGE, PortfolioFile.FEATURE_USAGE,
				PortfolioFile.TICKETS, PortfolioFile.INVOICES, PortfolioFile.SURVEYS, PortfolioFile.EVENTS);
		files.forEach((file, csv) -> assertThat(csv).startsWith(String.join(",", file.header()) + "\n"));
		// A row per day for each, up to today.
		Map<String, Long> usageDays = rows(files.get(PortfolioFile.USAGE))
			.collect(Collectors.groupingBy(row -> row[0], Collectors.counting()));
		assertThat(usageDays).isEqualTo(Map.of("CRM-A", (long) DemoTelemetry.DAYS, "CRM-B", (long) DemoTelemetry.DAYS));
		assertThat(rows(files.get(PortfolioFile.USAGE)).map(row -> row[1]).max(String::compareTo)).contains(TODAY.toString());
		// The sponsor left 3 to 14 days ago: fresh, within the event rules' 30 days.
		assertThat(rows(files.get(PortfolioFile.EVENTS)).filter(row -> row[2].equals("SPONSOR_LEFT")).toList())
			.singleElement()
			.satisfies(row -> assertThat(row[0]).isEqualTo("CRM-A"))
			.satisfies(row -> assertThat(LocalDate.parse(row[1])).isBetween(TODAY.minusDays(14), TODAY.minusDays(3)));
		assertThat(DemoTelemetry.csv(TODAY, List.of(new DemoTelemetry.Request("CRM-B", Segment.SMB, USD,
				RiskPattern.NONE))).get(PortfolioFile.INVOICES)).isEqualTo(onlyOf(files.get(PortfolioFile.INVOICES), "CRM-B"));
	}

	@Test
	void aStoryNoGeneratedAccountTellsIsRefusedByName() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DemoTelemetry.csv(TODAY, List.of(new DemoTelemetry.Request("CRM-X", Segment.SMB,
					Currency.getInstance("ISK"), RiskPattern.NONE))))
			.withMessageContaining("CRM-X");
	}

	private static Stream<String[]> rows(String csv) {
		// The files checked here have no quoted commas in the columns read.
		return csv.lines().skip(1).map(line -> line.split(","));
	}

	private static String onlyOf(String csv, String account) {
		return csv.lines()
			.filter(line -> line.startsWith("account,") || line.startsWith(account + ","))
			.collect(Collectors.joining("\n", "", "\n"));
	}

}
