import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per second a running Riskdesk answers for one URL, from a few threads on kept-alive
 * connections: java Load.java URL SECONDS THREADS [Authorization header value]. Prints one
 * number; any answer other than 200 stops the run.
 */
public class Load {

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		Duration duration = Duration.ofSeconds(Long.parseLong(args[1]));
		int threads = Integer.parseInt(args[2]);
		String authorization = args.length > 3 ? args[3] : null;
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET();
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		HttpRequest request = builder.build();
		run(client, request, Duration.ofSeconds(2), threads); // warm-up
		LongAdder done = run(client, request, duration, threads);
		System.out.printf("%.0f%n", done.sum() / (double) duration.toSeconds());
	}

	private static LongAdder run(HttpClient client, HttpRequest request, Duration duration, int threads) throws Exception {
		LongAdder done = new LongAdder();
		long end = System.nanoTime() + duration.toNanos();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(() -> {
				try {
					while (System.nanoTime() < end) {
						HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() != 200) {
							throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
						}
						done.increment();
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
		return done;
	}

}
