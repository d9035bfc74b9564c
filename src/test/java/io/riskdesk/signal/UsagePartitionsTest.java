package io.riskdesk.signal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.signal.TelemetryTestSupport.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.signal.TelemetryTestSupport.CSV;
import static io.riskdesk.signal.TelemetryTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Usage is partitioned by month; the intake creates a month's partition the first time a row needs it. */
@RiskdeskTest
class UsagePartitionsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	TelemetryTestSupport support;

	@BeforeEach
	void setUp() {
		support = new TelemetryTestSupport(mvc, jdbc);
	}

	@Test
	void aPartitionIsCreatedForEachNewMonth() throws Exception {
		TestAccount account = support.account();
		YearMonth first = YearMonth.from(today().minusYears(7));
		YearMonth second = first.plusMonths(1);
		assertThat(exists(first)).isFalse();
		assertThat(exists(second)).isFalse();

		support.send("usage", CSV, """
				account,day,active_users,wau,mau
				%1$s,%2$s,1,2,3
				%1$s,%3$s,4,5,6
				%1$s,%4$s,7,8,9
				""".formatted(account.externalId(), first.atDay(15), first.atEndOfMonth(), second.atDay(1)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inserted").value(3));

		assertThat(rowsIn(first)).isEqualTo(2);
		assertThat(rowsIn(second)).isEqualTo(1);
	}

	/** Each round, two requests need the same new month at once: one creates it, the other waits and finds it. */
	@Test
	void twoConcurrentRequestsForTheSameNewMonthBothSucceed() throws Exception {
		TestAccount one = support.account();
		TestAccount two = support.account();
		HttpClient http = HttpClient.newHttpClient();
		for (int round = 0; round < 3; round++) {
			YearMonth month = YearMonth.from(today().minusYears(8)).plusMonths(round);
			assertThat(exists(month)).isFalse();
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<HttpResponse<String>>> answers = List.of(one, two).stream()
				.map(account -> CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
						return http.send(usage(account, month), HttpResponse.BodyHandlers.ofString());
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}))
				.toList();
			start.countDown();
			for (CompletableFuture<HttpResponse<String>> answer : answers) {
				assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
			}
			assertThat(rowsIn(month)).isEqualTo(2L * month.lengthOfMonth());
		}
	}

	private HttpRequest usage(TestAccount account, YearMonth month) {
		StringBuilder csv = new StringBuilder("account,day,active_users,wau,mau\n");
		for (int day = 1; day <= month.lengthOfMonth(); day++) {
			csv.append(account.externalId()).append(',').append(month.atDay(day)).append(",1,2,3\n");
		}
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/telemetry/usage"))
			.header("Content-Type", CSV)
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alex:demo".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
			.build();
	}

	private boolean exists(YearMonth month) {
		return jdbc.sql("select to_regclass(?) is not null").param(partition(month)).query(Boolean.class).single();
	}

	private long rowsIn(YearMonth month) {
		return jdbc.sql("select count(*) from " + partition(month)).query(Long.class).single();
	}

	private static String partition(YearMonth month) {
		return "telemetry_usage_y%04dm%02d".formatted(month.getYear(), month.getMonthValue());
	}

}
