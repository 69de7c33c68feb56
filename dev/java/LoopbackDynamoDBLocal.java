import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.shared.access.sqlite.SQLiteDBAccess;
import software.amazon.dynamodb.services.local.shared.access.sqlite.SQLiteDBAccessJob;
import software.amazon.dynamodb.services.local.shared.access.sqlite.SQLiteIndexElement;
import software.amazon.dynamodb.services.local.shared.access.sqlite.TableSchemaInfo;
import software.amazon.dynamodb.services.local.shared.mapper.DynamoDbObjectMapper;
import sun.misc.Unsafe;

/**
 * DynamoDB Local listening on one address only. The jar's own launcher has no host option
 * and listens on every interface; this starts the same server from the same command-line
 * options and binds its connector to the address given first (127.0.0.1 by default).
 * Run in Java's source-file mode: java -cp DynamoDBLocal.jar LoopbackDynamoDBLocal.java HOST [options]
 *
 * With -Dlocal.cacheTableSchemas=true it also keeps each table's schema parsed: DynamoDB Local
 * stores a table's schema (its indexes and their SQLite columns) as JSON in SQLite and parses
 * it again, with Jackson, several times for every item it reads or writes, which was half of
 * its CPU time on a bulk import (docs/performance.md, "Bulk intake"). The schema is still read
 * from SQLite every time; only its parse is kept, keyed by the stored bytes, so a table created,
 * changed (a new index, a time to live) or dropped is seen at once. Every caller gets its own
 * copy (the parse's lists, maps and index elements copied; strings, enums and the AWS SDK's
 * immutable model objects shared), as a fresh parse would give it.
 */
public class LoopbackDynamoDBLocal {
  public static void main(String[] args) throws Exception {
    String host = args[0];
    if (Boolean.getBoolean("local.cacheTableSchemas")) {
      // another version of the jar may lay its classes out otherwise: then it runs as shipped
      try {
        SchemaCachingMapper mapper = new SchemaCachingMapper();
        replaceStaticField(SQLiteDBAccessJob.class, "MAPPER", mapper);
        replaceStaticField(SQLiteDBAccess.class, "MAPPER", mapper);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        System.err.println("LoopbackDynamoDBLocal: table schemas are parsed as shipped (" + e + ")");
      }
    }
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(Arrays.copyOfRange(args, 1, args.length));
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) ((ServerConnector) connector).setHost(host);
    proxy.start();
    proxy.join();
  }

  /** Sets a private static final field (before any request is served: nothing has read it yet but the class's initialiser). */
  private static void replaceStaticField(Class<?> owner, String name, Object value) throws ReflectiveOperationException {
    Field unsafeField = Unsafe.class.getDeclaredField("theUnsafe");
    unsafeField.setAccessible(true);
    Unsafe unsafe = (Unsafe) unsafeField.get(null);
    Field field = owner.getDeclaredField(name);
    if (!Modifier.isStatic(field.getModifiers()) || !field.getType().isInstance(value)) throw new IllegalStateException(owner.getName() + "." + name + " is not what this launcher expects");
    Class.forName(owner.getName(), true, owner.getClassLoader()); // its initialiser has set the field; nothing else has read it
    unsafe.putObjectVolatile(unsafe.staticFieldBase(field), unsafe.staticFieldOffset(field), value);
  }

  /** DynamoDB Local's own mapper (same settings), remembering the parse of each table schema it has read. */
  static final class SchemaCachingMapper extends DynamoDbObjectMapper {
    private static final int MOST_SCHEMAS = 256;
    private final Map<ByteBuffer, TableSchemaInfo> parsed = new ConcurrentHashMap<>();

    @Override
    public <T> T readValue(byte[] src, Class<T> valueType) throws IOException, StreamReadException, DatabindException {
      if (valueType != TableSchemaInfo.class) return super.readValue(src, valueType);
      ByteBuffer key = ByteBuffer.wrap(src);
      TableSchemaInfo schema = parsed.get(key);
      if (schema == null) {
        schema = super.readValue(src, TableSchemaInfo.class);
        try {
          copy(schema); // only a schema this class knows how to copy is kept
        } catch (ReflectiveOperationException | IllegalStateException e) {
          return valueType.cast(schema);
        }
        if (parsed.size() >= MOST_SCHEMAS) parsed.clear();
        parsed.put(ByteBuffer.wrap(src.clone()), schema);
      }
      try {
        return valueType.cast(copy(schema));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    /** A copy that shares nothing a caller could change with `value`; throws IllegalStateException for a kind of value it does not know. */
    private static Object copy(Object value) throws ReflectiveOperationException {
      if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) return value;
      // the AWS SDK v2 model classes (AttributeDefinition, GlobalSecondaryIndexDescription, …) are immutable
      if (value.getClass().getName().startsWith("software.amazon.awssdk.services.dynamodb.model.")) return value;
      if (value instanceof List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object element : list) out.add(copy(element));
        return out;
      }
      if (value instanceof Map<?, ?> map) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) out.put(copy(entry.getKey()), copy(entry.getValue()));
        return out;
      }
      if (value instanceof TableSchemaInfo || value instanceof SQLiteIndexElement) {
        Object out = value.getClass().getDeclaredConstructor().newInstance();
        for (Field field : fieldsOf(value.getClass())) field.set(out, copy(field.get(value)));
        return out;
      }
      throw new IllegalStateException("no copy for " + value.getClass().getName());
    }

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private static List<Field> fieldsOf(Class<?> type) {
      return FIELDS.computeIfAbsent(type, t -> {
        List<Field> fields = new ArrayList<>();
        for (Field field : t.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())) continue;
          field.setAccessible(true);
          fields.add(field);
        }
        return fields;
      });
    }
  }
}
