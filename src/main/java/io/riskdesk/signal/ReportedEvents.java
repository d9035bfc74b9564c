package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.List;

import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.playbook.Playbook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signals a confirmed document reported, recorded as account events ({@code telemetry_event},
 * with their {@code source}) for the next detection pass to find. An event of the same account,
 * day and type already there is kept as it is: the same document confirmed again, or a file
 * that reported the event first, records nothing twice.
 */
@Service
public class ReportedEvents {

	private final JdbcClient jdbc;

	private final Playbook playbook;

	ReportedEvents(JdbcClient jdbc, Playbook playbook) {
		this.jdbc = jdbc;
		this.playbook = playbook;
	}

	/**
	 * Records the signals in the caller's transaction.
	 * @param source where they come from, e.g. "import 12"
	 * @return how many events were new
	 * @throws InvalidFieldException as {@link #check}; nothing is recorded then
	 */
	@Transactional
	public int record(long accountId, LocalDate day, String source, List<ReportedSignal> signals) {
		check(signals);
		int recorded = 0;
		for (ReportedSignal signal : signals) {
			recorded += jdbc.sql("""
					insert into telemetry_event (account_id, occurred_on, type, note, source)
					values (:account, :day, :type, :note, :source)
					on conflict (account_id, occurred_on, type) do nothing""")
				.param("account", accountId)
				.param("day", day)
				.param("type", ReportedSignals.event(playbook.detection(), signal.signal(), signal.value()).name())
				.param("note", signal.note().isEmpty() ? null : signal.note())
				.param("source", source)
				.update();
		}
		return recorded;
	}

	/**
	 * @throws InvalidFieldException naming {@code signals[i].signal} or {@code signals[i].value} for the
	 * first signal detection would not count ({@link ReportedSignals#refusal}), or {@code signals[i].signal}
	 * for a signal without its kind
	 */
	public void check(List<ReportedSignal> signals) {
		for (int i = 0; i < signals.size(); i++) {
			ReportedSignal signal = signals.get(i);
			String field = "signals[" + i + "].";
			if (signal.signal() == null) {
				throw new InvalidFieldException(field + "signal", "is required");
			}
			ReportedSignals.refusal(playbook.detection(), signal.signal(), signal.value()).ifPresent(refusal -> {
				throw new InvalidFieldException(field + refusal.field(), refusal.reason());
			});
		}
	}

}
