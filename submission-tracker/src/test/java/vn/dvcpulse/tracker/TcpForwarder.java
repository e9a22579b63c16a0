package vn.dvcpulse.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback port that, once opened, forwards every connection to a target: Kafka "comes back" on it. Clients only
 * bootstrap through it; the broker's metadata then sends them to the broker itself.
 */
final class TcpForwarder implements AutoCloseable {

	private final int port;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private ServerSocket server;

	TcpForwarder(int port, String target) {
		this.port = port;
		this.targetHost = target.substring(0, target.lastIndexOf(':'));
		this.targetPort = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
	}

	void open() throws IOException {
		this.server = new ServerSocket(this.port, 50, InetAddress.getLoopbackAddress());
		daemon(() -> {
			while (!this.server.isClosed()) {
				try {
					Socket client = this.server.accept();
					Socket broker = new Socket(this.targetHost, this.targetPort);
					this.sockets.add(client);
					this.sockets.add(broker);
					pump(client.getInputStream(), broker.getOutputStream());
					pump(broker.getInputStream(), client.getOutputStream());
				}
				catch (IOException ex) {
					// closed, or the target refused: the client sees a broken connection, as with a real outage
				}
			}
		});
	}

	private static void pump(InputStream from, OutputStream to) {
		daemon(() -> {
			try (from; to) {
				from.transferTo(to);
			}
			catch (IOException ex) {
				// one side closed
			}
		});
	}

	private static void daemon(Runnable work) {
		Thread thread = new Thread(work, "tcp-forwarder");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		if (this.server != null) {
			this.server.close();
		}
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
