import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
import software.amazon.dynamodb.services.local.shared.access.TableInfo;
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
 * changed (a new index, a time to live) or dropped is seen at once. The jobs that read and write
 * items, which only read the schema, and the read of a table's metadata share the parse; every
 * other caller (UpdateTable and UpdateTimeToLive, which change the schema they read before
 * storing it, and the rest) gets its own copy (the parse's lists, maps and index elements copied; strings, enums and the
 * AWS SDK's immutable model objects shared), as a fresh parse would give it.
 */
public class LoopbackDynamoDBLocal {
  public static void main(String[] args) throws Exception {
    String host = args[0];
    if (Boolean.getBoolean("local.cacheTableSchemas")) {
      // another version of the jar may lay its classes out otherwise: then it runs as shipped
      try {
        // the data-plane jobs only read the schema (getTableSchemaInfo2): they share the parse; so does the table's metadata read; the rest get copies
        replaceStaticField(SQLiteDBAccessJob.class, "MAPPER", new SchemaCachingMapper(true, null));
        replaceStaticField(SQLiteDBAccess.class, "MAPPER", new SchemaCachingMapper(false, tableInfoJob()));
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

  /**
   * The class of the job that reads a table's metadata into a `TableInfo` (`SQLiteDBAccess.getTableInfo`;
   * an anonymous class, `SQLiteDBAccess$25` in this jar), found by its `doWork` returning a TableInfo;
   * null when not exactly one such class is found (then its schema reads get copies).
   */
  private static Class<?> tableInfoJob() {
    Class<?> found = null;
    for (int i = 1; i < 100; i++) {
      Class<?> job;
      try {
        job = Class.forName(SQLiteDBAccess.class.getName() + "$" + i, false, SQLiteDBAccess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        continue;
      }
      if (!SQLiteDBAccessJob.class.isAssignableFrom(job)) continue;
      for (Method method : job.getDeclaredMethods()) {
        if (!method.getName().equals("doWork") || method.getReturnType() != TableInfo.class) continue;
        if (found != null && found != job) return null;
        found = job;
      }
    }
    return found;
  }

  /** Sets a private static final field (before any request is served: nothing has read it yet but the class's initialiser). */
  private static void replaceStaticField(Class<?> owner, String name, Object value) throws ReflectiveOperationException {
    Unsafe unsafe = theUnsafe();
    Field field = owner.getDeclaredField(name);
    if (!Modifier.isStatic(field.getModifiers()) || !field.getType().isInstance(value)) throw new IllegalStateException(owner.getName() + "." + name + " is not what this launcher expects");
    Class.forName(owner.getName(), true, owner.getClassLoader()); // its initialiser has set the field; nothing else has read it
    unsafe.putObjectVolatile(unsafe.staticFieldBase(field), unsafe.staticFieldOffset(field), value);
  }

  /**
   * DynamoDB Local's own mapper (same settings), remembering the parse of each table schema it has
   * read. A schema is looked up by comparing the stored bytes whole with those of the few schemas
   * seen (`Arrays.equals` is vectorised; hashing a 10 KB schema byte by byte on every read cost as
   * much as the copy), and copied with fields read and written directly (`Unsafe`, offsets taken
   * once per class) instead of through reflective `Field` calls with their access checks.
   */
  static final class SchemaCachingMapper extends DynamoDbObjectMapper {
    private static final int MOST_SCHEMAS = 64;

    /** One schema as stored and its parse (handed out only to the mapper that shares it). */
    private record Parsed(byte[] stored, TableSchemaInfo schema) {}

    /** Replaced whole on every addition, so readers need no lock; the newest first. One for both mappers. */
    private static volatile Parsed[] parsed = new Parsed[0];

    /**
     * True for the mapper of `SQLiteDBAccessJob.getTableSchemaInfo2`, the schema read of the jobs
     * that get, put, update, delete and query items: none of them changes the schema (it is read on
     * DynamoDB Local's one SQLite thread and used there, and `TableSchemaInfo` computes nothing
     * lazily), so they are given the cached parse itself — the copies were a fifth of that
     * thread's time on a bulk import. The other mapper copies (`SQLiteDBAccess.getTableSchemaInfo`,
     * whose callers UpdateTable and UpdateTimeToLive change it, and the rest) but for `alsoSharedWith`.
     */
    private final boolean shared;

    /**
     * The job reading a table's metadata (`SQLiteDBAccess.getTableInfo`, on every item request), also
     * given the parse itself: it builds a `TableInfo` from it, which keeps only the schema's list of
     * attribute definitions (immutable AWS SDK objects), and no caller of `TableInfo.getAttributeDefinitions`
     * changes that list (they iterate it or copy it into a TableDescription). Another third of the
     * copies. Null: none.
     */
    private final Class<?> alsoSharedWith;

    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    SchemaCachingMapper(boolean shared, Class<?> alsoSharedWith) {
      this.shared = shared;
      this.alsoSharedWith = alsoSharedWith;
    }

    @Override
    public <T> T readValue(byte[] src, Class<T> valueType) throws IOException, StreamReadException, DatabindException {
      if (valueType != TableSchemaInfo.class) return super.readValue(src, valueType);
      boolean shared = this.shared || (alsoSharedWith != null && CALLER.getCallerClass() == alsoSharedWith);
      for (Parsed known : parsed) {
        if (Arrays.equals(known.stored(), src)) return valueType.cast(shared ? known.schema() : copy(known.schema()));
      }
      TableSchemaInfo schema = super.readValue(src, TableSchemaInfo.class);
      try {
        copy(schema); // only a schema this class knows how to copy is kept
      } catch (IllegalStateException e) {
        return valueType.cast(schema);
      }
      synchronized (SchemaCachingMapper.class) {
        Parsed[] before = parsed;
        Parsed[] after = new Parsed[Math.min(before.length + 1, MOST_SCHEMAS)];
        after[0] = new Parsed(src.clone(), schema);
        System.arraycopy(before, 0, after, 1, after.length - 1);
        parsed = after;
      }
      return valueType.cast(shared ? schema : copy(schema));
    }

    /** How a value of a class is copied; decided once per class. */
    private enum Kind {
      /** shared: strings, numbers, booleans, enums and the AWS SDK v2 model classes (AttributeDefinition, GlobalSecondaryIndexDescription, …), which are immutable */
      SHARED,
      LIST,
      MAP,
      /** TableSchemaInfo and SQLiteIndexElement: a new instance, each field copied */
      FIELDS,
      UNKNOWN,
    }

    private static final ClassValue<Kind> KINDS = new ClassValue<>() {
      @Override
      protected Kind computeValue(Class<?> type) {
        if (type == String.class || Number.class.isAssignableFrom(type) || type == Boolean.class || type.isEnum() || Enum.class.isAssignableFrom(type)) return Kind.SHARED;
        if (type.getName().startsWith("software.amazon.awssdk.services.dynamodb.model.")) return Kind.SHARED;
        if (List.class.isAssignableFrom(type)) return Kind.LIST;
        if (Map.class.isAssignableFrom(type)) return Kind.MAP;
        if (type == TableSchemaInfo.class || type == SQLiteIndexElement.class) return Kind.FIELDS;
        return Kind.UNKNOWN;
      }
    };

    /** A copy that shares nothing a caller could change with `value`; throws IllegalStateException for a kind of value it does not know. */
    private static Object copy(Object value) {
      if (value == null) return null;
      switch (KINDS.get(value.getClass())) {
        case SHARED:
          return value;
        case LIST: {
          List<?> list = (List<?>) value;
          List<Object> out = new ArrayList<>(list.size());
          for (Object element : list) out.add(copy(element));
          return out;
        }
        case MAP: {
          Map<Object, Object> out = new LinkedHashMap<>();
          for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) out.put(copy(entry.getKey()), copy(entry.getValue()));
          return out;
        }
        case FIELDS: {
          Object out = value instanceof TableSchemaInfo ? new TableSchemaInfo() : new SQLiteIndexElement();
          for (long offset : offsetsOf(value.getClass())) UNSAFE.putObject(out, offset, copy(UNSAFE.getObject(value, offset)));
          return out;
        }
        default:
          throw new IllegalStateException("no copy for " + value.getClass().getName());
      }
    }

    private static final Unsafe UNSAFE = theUnsafe();
    private static final Map<Class<?>, long[]> OFFSETS = new ConcurrentHashMap<>();

    /** The offsets of a class's instance fields, all of which must be references (else IllegalStateException: not copied, not cached). */
    private static long[] offsetsOf(Class<?> type) {
      return OFFSETS.computeIfAbsent(type, t -> {
        List<Field> fields = new ArrayList<>();
        for (Field field : t.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())) continue;
          if (field.getType().isPrimitive()) throw new IllegalStateException(t.getName() + "." + field.getName() + " is a primitive field");
          fields.add(field);
        }
        if (t.getSuperclass() != Object.class) throw new IllegalStateException(t.getName() + " has a superclass");
        long[] offsets = new long[fields.size()];
        for (int i = 0; i < offsets.length; i++) offsets[i] = UNSAFE.objectFieldOffset(fields.get(i));
        return offsets;
      });
    }
  }

  private static Unsafe theUnsafe() {
    try {
      Field field = Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      return (Unsafe) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
