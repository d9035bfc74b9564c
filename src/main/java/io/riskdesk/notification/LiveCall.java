package io.riskdesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * An S0 live call to invite people to: when, in which zone the invite shows it, what it is about,
 * who organizes it and who is asked to come.
 * @param uid the invite's UID, stable for the call so a resent invite updates it
 * @param description may be null
 */
record LiveCall(String uid, Instant start, Duration duration, ZoneId zone, String summary, String description,
		String organizerEmail, List<Attendee> attendees) {

	LiveCall {
		Objects.requireNonNull(uid, "uid");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(summary, "summary");
		requireEmail("organizer", organizerEmail);
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("a live call must last a positive time, not " + duration);
		}
		attendees = List.copyOf(attendees);
	}

	/** Something that can be a mailto: address: one {@code @} with text on both sides, no spaces. */
	private static void requireEmail(String who, String email) {
		if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
			throw new IllegalArgumentException("the " + who + " needs an e-mail address, not " + email);
		}
	}

	/** A person asked to the call; {@code name} may be null. */
	record Attendee(String name, String email) {

		Attendee {
			requireEmail("attendee", email);
		}

	}

}
