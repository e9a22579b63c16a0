package vn.dvcpulse.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A stand-in for a service behind the gateway: a JDK HTTP server on a free loopback port. */
final class StandIn {

	private StandIn() {
	}

	/** A stand-in that answers every request with {@code handler}, each on a thread of its own. */
	static HttpServer answering(HttpHandler handler) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newCachedThreadPool());
			server.createContext("/", handler);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A stand-in that answers {@code 200 {}} at once. */
	static HttpServer answeringEmptyJson() {
		return answering((exchange) -> reply(exchange, "{}"));
	}

	static void reply(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	static String uri(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

}
