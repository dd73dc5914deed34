package report2graph;

import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A real Neo4j Community 5.26 server with Bolt, for tests and for users without Docker.
 *
 * Usage: Neo4jServer [--home DIR] [--host 127.0.0.1] [--port 7687] [--pagecache 512m]
 * The data lives in DIR (kept across restarts). Prints "report2graph-neo4j ready bolt://HOST:PORT"
 * once Bolt accepts connections and shuts down cleanly on SIGTERM/SIGINT.
 */
public final class Neo4jServer {
    public static void main(String[] args) {
        String home = "out/neo4j";
        String host = "127.0.0.1";
        int port = 7687;
        String pagecache = "512m";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) usage("missing value for " + a);
            switch (a) {
                case "--home" -> home = args[++i];
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pagecache" -> pagecache = args[++i];
                default -> usage("unknown option " + a);
            }
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(home).toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
                .setConfig(GraphDatabaseSettings.pagecache_memory, org.neo4j.io.ByteUnit.parse(pagecache))
                // LOAD CSV reads RFC 4180 quoting ("" inside quotes), like neo4j-admin import does.
                .setConfig(GraphDatabaseSettings.csv_legacy_quote_escaping, false)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            System.out.println("report2graph-neo4j stopped");
            System.out.flush();
        }));
        // Touch the default database so it is online before we say we are ready.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("report2graph-neo4j ready bolt://" + host + ":" + port);
        System.out.flush();
    }

    private static void usage(String why) {
        System.err.println("Neo4jServer: " + why + ". Usage: Neo4jServer [--home DIR] [--host 127.0.0.1] [--port 7687] [--pagecache 512m]");
        System.exit(2);
    }
}
