package safepoint.vm.data;

/** An instance of a record type ({@code define-record-type}; later Gerbil structs and classes). */
public final class Record extends HeapObj {
    public final RecordType type;
    public final Object[] fields;

    public Record(RecordType type, Object[] fields) {
        this.type = type;
        this.fields = fields;
    }
}
