package io.riskdesk.concession;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Concessions summed in one currency: the value approved (and not rejected or declined since:
 * approved, offered, accepted), offered (offered, accepted) and accepted, and how many await
 * approval. The register's view {@code concession_account_totals} sums the same way.
 */
public record ConcessionTotals(Currency currency, BigDecimal approved, BigDecimal offered, BigDecimal accepted,
		int pending) {

	private static final Set<ConcessionStatus> APPROVED = Set.of(ConcessionStatus.APPROVED, ConcessionStatus.OFFERED,
			ConcessionStatus.ACCEPTED);

	private static final Set<ConcessionStatus> OFFERED = Set.of(ConcessionStatus.OFFERED, ConcessionStatus.ACCEPTED);

	/** One total per currency the concessions are in, by currency code. */
	public static List<ConcessionTotals> of(Collection<Concession> concessions) {
		Map<String, List<Concession>> byCurrency = concessions.stream()
			.collect(Collectors.groupingBy(c -> c.value().currency().getCurrencyCode(), TreeMap::new, Collectors.toList()));
		return byCurrency.values().stream().map(ConcessionTotals::sum).toList();
	}

	private static ConcessionTotals sum(List<Concession> sameCurrency) {
		return new ConcessionTotals(sameCurrency.get(0).value().currency(), sum(sameCurrency, APPROVED),
				sum(sameCurrency, OFFERED), sum(sameCurrency, Set.of(ConcessionStatus.ACCEPTED)),
				(int) sameCurrency.stream().filter(c -> c.status() == ConcessionStatus.PROPOSED).count());
	}

	private static BigDecimal sum(List<Concession> concessions, Set<ConcessionStatus> statuses) {
		return concessions.stream()
			.filter(c -> statuses.contains(c.status()))
			.map(c -> c.value().amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
