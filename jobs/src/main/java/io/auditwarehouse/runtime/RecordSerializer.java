package io.auditwarehouse.runtime;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Kryo 4 (Spark 3.5's) cannot build a Java record: it sets final fields, which the JDK refuses for records. This writes
 * a record's components in order and reads them back through its canonical constructor.
 */
public final class RecordSerializer<T extends Record> extends Serializer<T> {

    private final Class<?>[] types;
    private final Method[] accessors;
    private final Constructor<T> constructor;

    public RecordSerializer(Kryo kryo, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        types = new Class<?>[components.length];
        accessors = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new KryoException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    @Override
    public void write(Kryo kryo, Output output, T record) {
        try {
            for (int i = 0; i < accessors.length; i++) {
                Object value = accessors[i].invoke(record);
                Class<?> t = types[i];
                if (t == int.class) output.writeVarInt((Integer) value, false);
                else if (t == long.class) output.writeVarLong((Long) value, false);
                else if (t == boolean.class) output.writeBoolean((Boolean) value);
                else if (t == double.class) output.writeDouble((Double) value);
                else if (t == String.class) output.writeString((String) value);
                else kryo.writeClassAndObject(output, value);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new KryoException("cannot read " + record.getClass().getName(), e);
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
