;;; :std/misc/sync -- synchronized hash tables (doc/reference/std/misc/sync.md in the Gerbil
;;; repository): a hash table wrapped with a mutex, every operation done holding it.
;;;
;;; Concurrency rule: the wrapped table is touched only under the sync-hash's mutex; sync-hash-do
;;; hands it to its procedure under the mutex, so the procedure must not wait on another thread
;;; that needs the same sync-hash (it would wait for ever: a deadlock explore shows).

(export (rename-out (%make make-sync-hash)) sync-hash? sync-hash-ref sync-hash-get sync-hash-put! sync-hash-remove!
        sync-hash-key? sync-hash-do)

(defstruct sync-hash (mutex table))

(def (%make ht)
  (unless (hash-table? ht) (error "make-sync-hash: not a hash table" ht))
  (make-sync-hash (make-mutex 'sync-hash) ht))

(def (%check sht who) (unless (sync-hash? sht) (error (string-append (symbol->string who) ": not a sync-hash") sht)))

(def (sync-hash-do sht proc)
  (%check sht 'sync-hash-do)
  (let ((mx (sync-hash-mutex sht)))
    (mutex-lock! mx)
    (let ((v (with-catch (lambda (e) (mutex-unlock! mx) (raise e)) (lambda () (proc (sync-hash-table sht))))))
      (mutex-unlock! mx)
      v)))

(def (sync-hash-ref sht key default) (sync-hash-do sht (lambda (ht) (hash-ref ht key default))))
(def (sync-hash-get sht key) (sync-hash-do sht (lambda (ht) (hash-get ht key))))
(def (sync-hash-put! sht key val) (sync-hash-do sht (lambda (ht) (hash-put! ht key val))))
(def (sync-hash-remove! sht key) (sync-hash-do sht (lambda (ht) (hash-remove! ht key))))
(def (sync-hash-key? sht key) (sync-hash-do sht (lambda (ht) (hash-key? ht key))))
