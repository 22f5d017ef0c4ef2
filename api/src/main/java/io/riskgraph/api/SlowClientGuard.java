package io.riskgraph.api;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The header timeout Jetty lacks: a connection that has not completed a request head within {@code timeout} of
 * opening is closed, however slowly it keeps sending bytes (the idle timeout alone restarts on every byte, which a
 * slow-header client exploits). Later requests on a kept-alive connection are bounded by the idle timeout.
 */
final class SlowClientGuard implements Connection.Listener, HttpConfiguration.Customizer {
    private final Scheduler scheduler;
    private final Duration timeout;
    private final Map<Connection, Scheduler.Task> waiting = new ConcurrentHashMap<>();

    SlowClientGuard(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    @Override
    public void onOpened(Connection connection) {
        // under TLS the HTTP connection opens after the handshake and is the one watched
        if (connection instanceof org.eclipse.jetty.io.ssl.SslConnection) return;
        waiting.put(connection, scheduler.schedule(() -> {
            if (waiting.remove(connection) != null) connection.getEndPoint().close();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void onClosed(Connection connection) {
        Scheduler.Task t = waiting.remove(connection);
        if (t != null) t.cancel();
    }

    /** Called once a request's head has been parsed: its connection is no longer waiting for one. */
    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        Scheduler.Task t = waiting.remove(request.getConnectionMetaData().getConnection());
        if (t != null) t.cancel();
        return request;
    }
}
