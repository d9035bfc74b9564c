package io.riskdesk.signal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.DetectionPolicy;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Commercial: invoices unpaid too long after their due date (the commercial events are in {@link RuleEvents}). */
class RuleCommercial implements RuleFamily {

	private final JdbcClient jdbc;

	RuleCommercial(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Unpaid as of as_of (no payment, or one after it) and due more than {@code days} days before it. */
	@Override
	public List<Finding> find(DetectionPolicy policy, DetectionScope scope) {
		DetectionPolicy.Rule rule = policy.rule(DetectionPolicy.INVOICE_OVERDUE);
		int days = policy.commercial().invoiceOverdue().days();
		return scope.sql(jdbc, """
				select i.account_id, min(i.due_date) as oldest,
				       array_agg(i.invoice_no order by i.due_date, i.invoice_no) as numbers,
				       array_agg(i.due_date order by i.due_date, i.invoice_no) as due,
				       array_agg(s.as_of - i.due_date order by i.due_date, i.invoice_no) as overdue,
				       array_agg(i.amount order by i.due_date, i.invoice_no) as amounts,
				       array_agg(i.currency::text order by i.due_date, i.invoice_no) as currencies
				from telemetry_invoice i join scope s on s.id = i.account_id
				where (i.paid_date is null or i.paid_date > s.as_of) and s.as_of - i.due_date > :days
				group by i.account_id
				order by i.account_id""")
			.param("days", days)
			.query((rs, n) -> {
				String[] numbers = (String[]) rs.getArray("numbers").getArray();
				List<LocalDate> due = RuleFamily.dates(rs, "due");
				List<Integer> overdue = RuleFamily.integers(rs, "overdue");
				BigDecimal[] amounts = (BigDecimal[]) rs.getArray("amounts").getArray();
				String[] currencies = (String[]) rs.getArray("currencies").getArray();
				List<String> explained = new ArrayList<>();
				List<String> records = new ArrayList<>();
				List<Map<String, Object>> invoices = new ArrayList<>();
				for (int i = 0; i < numbers.length; i++) {
					explained.add("invoice " + numbers[i] + " (" + FindingText.money(amounts[i], currencies[i]) + ") due "
							+ due.get(i) + ", unpaid " + FindingText.days(overdue.get(i)) + " later: " + overdue.get(i) + " > "
							+ days);
					records.add("invoice " + numbers[i]);
					invoices.add(Map.of("invoice", numbers[i], "dueDate", due.get(i).toString(), "daysOverdue",
							overdue.get(i), "amount", amounts[i], "currency", currencies[i]));
				}
				Map<String, Object> measured = new LinkedHashMap<>();
				measured.put("invoices", invoices);
				return Finding.of(rs.getLong("account_id"), rule,
						rs.getObject("oldest", LocalDate.class).plusDays(days + 1L), measured, String.join("; ", explained),
						records);
			})
			.list();
	}

}
