package io.auditwarehouse.runtime;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.function.Function;

/**
 * Kryo 4 (Spark 3.5's) cannot build a Java record: it sets final fields, which the JDK refuses for records. This writes
 * a record's components in order and reads them back through its canonical constructor.
 */
public final class RecordSerializer<T extends Record> extends Serializer<T> {

    /** Generated once per record class: Spark makes a Kryo, and so this serializer, for every pooled stream. */
    private static final ClassValue<Function<Object, Object>[]> GETTERS = new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected Function<Object, Object>[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Function<Object, Object>[] getters = new Function[components.length];
            for (int i = 0; i < components.length; i++) getters[i] = getter(type, components[i].getAccessor());
            return getters;
        }
    };

    private final Class<?>[] types;
    private final Function<Object, Object>[] accessors;
    private final Constructor<T> constructor;

    public RecordSerializer(Kryo kryo, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
        accessors = GETTERS.get(type);
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new KryoException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    /**
     * The accessor as a generated function: reflective calls were a twentieth of a nightly's CPU under the
     * launcher's C1-only JIT, which does not inline them.
     */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> getter(Class<?> type, Method accessor) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle handle = lookup.unreflect(accessor);
            return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), handle,
                    MethodType.methodType(accessor.getReturnType().isPrimitive() ? wrapper(accessor.getReturnType())
                            : accessor.getReturnType(), type)).getTarget().invokeExact();
        } catch (Throwable e) {
            throw new KryoException("cannot read component " + accessor.getName() + " of " + type.getName(), e);
        }
    }

    private static Class<?> wrapper(Class<?> primitive) {
        return MethodType.methodType(primitive).wrap().returnType();
    }

    @Override
    public void write(Kryo kryo, Output output, T record) {
        for (int i = 0; i < accessors.length; i++) {
            Object value = accessors[i].apply(record);
            Class<?> t = types[i];
            if (t == int.class) output.writeVarInt((Integer) value, false);
            else if (t == long.class) output.writeVarLong((Long) value, false);
            else if (t == boolean.class) output.writeBoolean((Boolean) value);
            else if (t == double.class) output.writeDouble((Double) value);
            else if (t == String.class) output.writeString((String) value);
            else kryo.writeClassAndObject(output, value);
        }
    }

    @Override
    public T read(Kryo kryo, Input input, Class<T> type) {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == int.class) values[i] = input.readVarInt(false);
            else if (t == long.class) values[i] = input.readVarLong(false);
            else if (t == boolean.class) values[i] = input.readBoolean();
            else if (t == double.class) values[i] = input.readDouble();
            else if (t == String.class) values[i] = input.readString();
            else values[i] = kryo.readClassAndObject(input);
        }
        try {
            return constructor.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new KryoException("cannot build " + type.getName(), e);
        }
    }
}
