import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.shared.access.LocalDBAccess;
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
 *
 * With -Dlocal.cacheTableInfo=true it also keeps each table's `TableInfo` (metadata, indexes, stream)
 * for the item requests instead of reading and building it for every item: see TableInfoCache.
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
    if (Boolean.getBoolean("local.cacheTableInfo")) {
      try {
        TableInfoCache.install(proxy);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        System.err.println("LoopbackDynamoDBLocal: table metadata is read as shipped (" + e + ")");
      }
    }
    proxy.start();
    proxy.join();
  }

  /**
   * DynamoDB Local's database access (`LocalDBAccess`, one `SQLiteDBAccess` for the shared database)
   * behind a proxy that remembers each table's `TableInfo` for the item requests. DynamoDB Local
   * reads a table's metadata row, its stream id and its schema and builds a new `TableInfo` for
   * every item of every request (a quarter of its SQLite thread's time on a bulk import, under the
   * table's write lock). Only callers in the data-plane functions (`…access.api.dp`: get, put,
   * update, delete, query, batch and transaction items; none changes a TableInfo) are given the
   * remembered one; every call that can change a table (create, update, delete, index and stream
   * work: any method not in READS) forgets all of them before and after it runs, and a remembered
   * one is used at most MOST_AGE_NANOS (a background job holding the unproxied access, e.g. the
   * time-to-live deleter, is seen within that).
   */
  static final class TableInfoCache implements InvocationHandler {
    /** LocalDBAccess methods that never change a table's metadata. */
    private static final Set<String> READS = Set.of(
      "getTableInfo", "getRecord", "deleteRecord", "putRecord", "queryRecords", "getTableItemCount", "getLSIItemCount", "getGSIItemCount",
      "getStreamInfo", "listTables", "getTableByteSize", "getLSIByteSize", "getGSIByteSize", "getLockForTable", "getGSIsByStatusFromAllTables",
      "fetchAllTablesWithTimeToLiveEnabled", "numberOfSubscriberWideInflightOnlineCreateIndexesOperations", "getStreamRecords",
      "getLatestSequenceNumberForShard", "getDeletionDateTimeForShard", "getEarliestNonExpiredSequenceNumberForShard", "getSequenceNumberStartForShard",
      "shardIsNotExpired", "beginTransaction", "commitTransaction", "rollbackTransaction", "hashCode", "equals", "toString");
    private static final long MOST_AGE_NANOS = 250_000_000L;
    private static final String DATA_PLANE = "software.amazon.dynamodb.services.local.shared.access.api.dp.";
    private static final String API_FUNCTION = "software.amazon.dynamodb.services.local.shared.access.api.DynamoDbApiFunction";
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Unsafe UNSAFE = theUnsafe();

    private record Known(TableInfo info, long at) {}

    private final LocalDBAccess target;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /** Raised by every call that may change a table: a TableInfo read while it ran is not kept. */
    private final AtomicLong generation = new AtomicLong();

    private TableInfoCache(LocalDBAccess target) {
      this.target = target;
    }

    /**
     * Creates the shared database's handler now (DynamoDB Local makes it on the first request) and
     * puts the proxy in place of its database access in the client objects that hold it.
     */
    static void install(DynamoDBProxyServer server) throws ReflectiveOperationException {
      Object serverHandler = fieldValue(server, "serverHandler");
      Object requestHandler = fieldValue(serverHandler, "primaryHandler");
      Method getHandler = requestHandler.getClass().getDeclaredMethod("getHandler", String.class);
      getHandler.setAccessible(true);
      Object client = getHandler.invoke(requestHandler, "local");
      LocalDBAccess raw = (LocalDBAccess) fieldValue(client, "dbAccess");
      if (Proxy.isProxyClass(raw.getClass())) return;
      LocalDBAccess proxy = (LocalDBAccess) Proxy.newProxyInstance(LocalDBAccess.class.getClassLoader(), new Class<?>[] {LocalDBAccess.class}, new TableInfoCache(raw));
      int replaced = replaceReferences(client, raw, proxy);
      for (Field field : client.getClass().getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) continue;
        Object held = UNSAFE.getObject(client, UNSAFE.objectFieldOffset(field));
        if (held != null && held != raw && held.getClass().getName().startsWith("software.amazon.dynamodb.")) replaced += replaceReferences(held, raw, proxy);
      }
      if (replaced < 2) throw new IllegalStateException("the database access was found in " + replaced + " place(s)");
    }

    private static Object fieldValue(Object owner, String name) throws ReflectiveOperationException {
      for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
        try {
          Field field = type.getDeclaredField(name);
          return UNSAFE.getObject(owner, UNSAFE.objectFieldOffset(field));
        } catch (NoSuchFieldException e) {
          // a superclass may declare it
        }
      }
      throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }

    /** Puts `to` in every instance field of `owner` (its class and superclasses) that holds `from`; how many. */
    private static int replaceReferences(Object owner, Object from, Object to) {
      int replaced = 0;
      for (Class<?> type = owner.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) || !field.getType().isAssignableFrom(LocalDBAccess.class)) continue;
          long offset = UNSAFE.objectFieldOffset(field);
          if (UNSAFE.getObject(owner, offset) != from) continue;
          UNSAFE.putObjectVolatile(owner, offset, to);
          replaced++;
        }
      }
      return replaced;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (!READS.contains(name)) {
        forget();
        try {
          return call(method, args);
        } finally {
          forget();
        }
      }
      if (!name.equals("getTableInfo") || args == null || args.length != 1 || !(args[0] instanceof String table) || !fromDataPlane()) return call(method, args);
      Known hit = known.get(table);
      long now = System.nanoTime();
      if (hit != null && now - hit.at() < MOST_AGE_NANOS) return hit.info();
      long before = generation.get();
      TableInfo info = (TableInfo) call(method, args);
      if (info != null) {
        known.put(table, new Known(info, now));
        if (generation.get() != before) known.remove(table);
      }
      return info;
    }

    private void forget() {
      generation.incrementAndGet();
      known.clear();
    }

    private Object call(Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    /**
     * Whether the method that called the proxy belongs to one of DynamoDB Local's data-plane functions
     * (directly, or through `DynamoDbApiFunction.validateTableExists`, the common base of the data- and
     * control-plane functions, where most calls come from: then its caller decides).
     */
    private static boolean fromDataPlane() {
      return WALKER.walk(frames -> frames
        .map(StackWalker.StackFrame::getDeclaringClass)
        .filter(c -> c != TableInfoCache.class && !Proxy.isProxyClass(c) && !c.getName().equals(API_FUNCTION))
        .findFirst()
        .map(c -> c.getName().startsWith(DATA_PLANE))
        .orElse(false));
    }
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
     * changes that list (they iterate it, copy it into a TableDescription, or hand it to the metadata
     * write of UpdateTable, which stores it unchanged in the copy it writes back). Null: none.
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
