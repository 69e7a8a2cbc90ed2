package org.opcat.followup.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.opcat.followup.localrun.LocalDatabase;
import org.opcat.followup.localrun.ServiceProcess;

/**
 * The product as it runs for real: PostgreSQL, command-service and query-service as separate
 * processes built by this reactor, on free ports, logs under target/system-logs/. The same
 * launcher as ./run-local, so what is tested here is what users start.
 */
final class Stack implements AutoCloseable {

    private final Path logs;
    private final LocalDatabase database;
    private final ServiceProcess command;
    private ServiceProcess query;
    private final Http commandApi;
    private ServiceProcess secondCommand;
    private Http secondCommandApi;
    private Http queryApi;

    private Stack(Path logs, LocalDatabase database) {
        this.logs = logs;
        this.database = database;
        this.command = new ServiceProcess(Path.of(".."), "command-service", freePort(), database, logs);
        this.commandApi = new Http("http://localhost:" + command.port());
        newQueryProcess();
    }

    static Stack start(String name) throws IOException, SQLException, InterruptedException {
        return start(name, false);
    }

    /** With a second command-service on the same database (its log in the subdirectory {@code second}). */
    static Stack startWithTwoCommandServices(String name) throws IOException, SQLException, InterruptedException {
        return start(name, true);
    }

    private static Stack start(String name, boolean twoCommandServices) throws IOException, SQLException, InterruptedException {
        Path home = Files.createTempDirectory("followup-" + name);
        Path logs = Path.of("target", "system-logs", name).toAbsolutePath();
        Files.createDirectories(logs);
        Stack stack = new Stack(logs, LocalDatabase.start(home.resolve("postgres"), freePort()));
        stack.command.start();
        stack.command.awaitReady();
        if (twoCommandServices) {
            Files.createDirectories(logs.resolve("second"));
            stack.secondCommand = new ServiceProcess(Path.of(".."), "command-service", freePort(), stack.database, logs.resolve("second"));
            stack.secondCommandApi = new Http("http://localhost:" + stack.secondCommand.port());
            stack.secondCommand.start();
            stack.secondCommand.awaitReady();
        }
        stack.query.start();
        stack.query.awaitReady();
        return stack;
    }

    Http command() {
        return commandApi;
    }

    /** The second command-service, when started with {@link #startWithTwoCommandServices}. */
    Http secondCommand() {
        return secondCommandApi;
    }

    Http query() {
        return queryApi;
    }

    DataSource database() {
        return database.dataSource();
    }

    /** kill -9 of query-service, then a new one on the same database. */
    void crashAndRestartQuery() throws IOException, InterruptedException {
        query.kill();
        newQueryProcess();
        query.start();
        query.awaitReady();
    }

    void crashCommand() throws InterruptedException {
        command.kill();
    }

    void restartCommand() throws IOException, InterruptedException {
        command.start();
        command.awaitReady();
    }

    private void newQueryProcess() {
        query = new ServiceProcess(Path.of(".."), "query-service", freePort(), database, logs);
        queryApi = new Http("http://localhost:" + query.port());
    }

    @Override
    public void close() {
        if (query != null) {
            query.stop();
        }
        if (secondCommand != null) {
            secondCommand.stop();
        }
        command.stop();
        database.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
