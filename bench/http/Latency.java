import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of reads of a running Riskdesk, from several threads on kept-alive connections:
 * java Latency.java BASE SECONDS THREADS USER:PASSWORD PATH... Signs in once through the login
 * form (the pages need a session; the API takes the same session cookie), warms each path up
 * for 2 s, then requests it for SECONDS from THREADS threads and prints one line per path:
 * path, requests/s, p50 and p99 in ms. Any answer but 200 stops the run.
 */
public class Latency {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		Duration duration = Duration.ofSeconds(Long.parseLong(args[1]));
		int threads = Integer.parseInt(args[2]);
		String[] user = args[3].split(":", 2);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.build();
		signIn(client, base, user[0], user[1]);
		for (int i = 4; i < args.length; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + args[i])).GET().build();
			run(client, request, Duration.ofSeconds(2), threads);
			List<Long> nanos = run(client, request, duration, threads);
			Collections.sort(nanos);
			System.out.printf("%s\t%.0f\t%.1f\t%.1f%n", args[i], nanos.size() / (double) duration.toSeconds(),
					percentile(nanos, 0.50), percentile(nanos, 0.99));
		}
	}

	private static void signIn(HttpClient client, String base, String username, String password) throws Exception {
		String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
		String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8)
				+ (csrf.find() ? "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
		HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding());
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in as " + username + " failed: " + answer.statusCode() + " " + location);
		}
	}

	private static double percentile(List<Long> sorted, double p) {
		return sorted.isEmpty() ? Double.NaN
				: sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
	}

	private static List<Long> run(HttpClient client, HttpRequest request, Duration duration, int threads)
			throws Exception {
		List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
		long end = System.nanoTime() + duration.toNanos();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(() -> {
				try {
					while (System.nanoTime() < end) {
						long start = System.nanoTime();
						HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() != 200) {
							throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
						}
						nanos.add(System.nanoTime() - start);
					}
				}
				catch (Exception ex) {
					ex.printStackTrace();
					System.exit(1);
				}
			});
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		return new ArrayList<>(nanos);
	}

}
