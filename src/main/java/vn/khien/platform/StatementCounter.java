package vn.khien.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements each request prepares on its own thread (every JdbcClient call prepares one), so the
 * request's log line says how many it issued and a test can fail when that number grows with the rows shown (an
 * N+1 query, issue 15). The application's DataSource is wrapped in a {@link DelegatingDataSource}: pool metrics
 * and {@code unwrap} (COPY through PGConnection, Hikari) still reach the pool.
 */
@Configuration(proxyBeanMethods = false)
public class StatementCounter {

    private static final ThreadLocal<int[]> CURRENT = new ThreadLocal<>();
    /** Connections taken from the pool by each thread and not yet given back (issue 15: nothing held while waiting). */
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);

    private static final int REMEMBERED = 512;
    private static final Map<String, Integer> RECENT =
            Collections.synchronizedMap(new LinkedHashMap<>(REMEMBERED, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /** Starts counting on this thread (a request begins). */
    public static void start() {
        CURRENT.set(new int[1]);
    }

    /** Stops counting on this thread and returns how many statements were prepared since {@link #start()}. */
    public static int stop(String requestId) {
        int[] c = CURRENT.get();
        CURRENT.remove();
        int n = c == null ? 0 : c[0];
        if (requestId != null) {
            RECENT.put(requestId, n);
        }
        return n;
    }

    /** Statements of a recent request (the last few hundred are kept), by its request id. */
    public static OptionalInt statementsOf(String requestId) {
        Integer n = RECENT.get(requestId);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /**
     * How many pooled connections this thread has taken and not closed: 0 outside any transaction or JDBC call. Lets a
     * test show that slow work (a password check) runs without holding a connection others may be waiting for.
     */
    public static int connectionsHeldByThisThread() {
        return HELD.get()[0];
    }

    static void counted() {
        int[] c = CURRENT.get();
        if (c != null) {
            c[0]++;
        }
    }

    @Bean
    static BeanPostProcessor statementCounting() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource ds && !(bean instanceof Counting)) {
                    return new Counting(ds);
                }
                return bean;
            }
        };
    }

    /** The pool, with each connection counting the statements prepared on it. */
    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection target) {
            int[] held = HELD.get();
            held[0]++;
            boolean[] closed = new boolean[1];
            return (Connection) Proxy.newProxyInstance(
                    StatementCounter.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "equals":
                                return proxy == args[0];
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            case "prepareStatement", "createStatement", "prepareCall":
                                counted();
                                break;
                            case "close":
                                if (!closed[0]) {
                                    closed[0] = true;
                                    held[0]--;
                                }
                                break;
                            default:
                                break;
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
