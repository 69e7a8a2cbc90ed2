package org.opcat.followup.command.importing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event store's connections, as Axon's auto-configuration makes them, with one difference: a
 * unit of work that is rolled back does not call {@code rollback()} on a connection that belongs to
 * a Spring transaction. That transaction's manager rolls back (or marks rollback-only) by itself.
 *
 * <p>Why: the import validates a whole file inside one transaction, sending each row's command
 * through the command gateway. Axon's connection wrapper rolled the physical connection back when
 * one row was refused, silently discarding every earlier row of the same transaction (a response
 * then found no recommendation). For ordinary API commands nothing changes: their transaction is
 * the command's own, and Spring rolls it back exactly as before.
 */
@Configuration(proxyBeanMethods = false)
class TransactionBoundConnections {

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        SpringDataSourceConnectionProvider spring = new SpringDataSourceConnectionProvider(dataSource);
        return new UnitOfWorkAwareConnectionProviderWrapper(() -> {
            Connection connection = spring.getConnection();
            if (!TransactionSynchronizationManager.hasResource(dataSource)) {
                return connection;
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("rollback") && (args == null || args.length == 0)) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        });
    }
}
