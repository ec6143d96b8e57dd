;;; :std/misc/rwlock -- read/write locks (doc/reference/std/misc/rwlock.md in the Gerbil
;;; repository): many readers or one writer; a waiting writer queues new readers, so writers
;;; are never starved. A mutex and a condition variable underneath, so every wait and wake is a
;;; scheduling point (and a thread waiting on one is WAITING on its condition variable).
;;;
;;; The rule that makes writers safe from starvation is also the trap: a reader that asks for a
;;; read lock again while a writer waits waits behind that writer, which waits for it
;;; (examples/rwlock-reread.ss).

(export (rename-out (%make-rwlock make-rwlock)) rwlock? rwlock-read-lock! rwlock-read-unlock! rwlock-write-lock! rwlock-write-unlock!
        with-read-lock with-write-lock)

(defstruct rwlock (mutex cond-var readers writer? writers-waiting))

(def (%make-rwlock (name 'rwlock))
  (make-rwlock (make-mutex name) (make-condition-variable name) 0 #f 0))

(def (%check l who)
  (unless (rwlock? l) (error (string-append (symbol->string who) ": not an rwlock") l)))

;; Waits on the condition variable, then takes the mutex again (Gambit's mutex-unlock! with a condvar).
(def (%wait l)
  (mutex-unlock! (rwlock-mutex l) (rwlock-cond-var l))
  (mutex-lock! (rwlock-mutex l)))

(def (rwlock-read-lock! l)
  (%check l 'rwlock-read-lock!)
  (mutex-lock! (rwlock-mutex l))
  (let loop ()
    (when (or (rwlock-writer? l) (> (rwlock-writers-waiting l) 0))
      (%wait l)
      (loop)))
  (rwlock-readers-set! l (+ 1 (rwlock-readers l)))
  (mutex-unlock! (rwlock-mutex l)))

(def (rwlock-read-unlock! l)
  (%check l 'rwlock-read-unlock!)
  (mutex-lock! (rwlock-mutex l))
  (when (<= (rwlock-readers l) 0)
    (mutex-unlock! (rwlock-mutex l))
    (error "rwlock-read-unlock!: not read-locked" l))
  (rwlock-readers-set! l (- (rwlock-readers l) 1))
  (when (= (rwlock-readers l) 0) (condition-variable-broadcast! (rwlock-cond-var l)))
  (mutex-unlock! (rwlock-mutex l)))

(def (rwlock-write-lock! l)
  (%check l 'rwlock-write-lock!)
  (mutex-lock! (rwlock-mutex l))
  (rwlock-writers-waiting-set! l (+ 1 (rwlock-writers-waiting l)))
  (let loop ()
    (when (or (rwlock-writer? l) (> (rwlock-readers l) 0))
      (%wait l)
      (loop)))
  (rwlock-writers-waiting-set! l (- (rwlock-writers-waiting l) 1))
  (rwlock-writer?-set! l #t)
  (mutex-unlock! (rwlock-mutex l)))

(def (rwlock-write-unlock! l)
  (%check l 'rwlock-write-unlock!)
  (mutex-lock! (rwlock-mutex l))
  (unless (rwlock-writer? l)
    (mutex-unlock! (rwlock-mutex l))
    (error "rwlock-write-unlock!: not write-locked" l))
  (rwlock-writer?-set! l #f)
  (condition-variable-broadcast! (rwlock-cond-var l))
  (mutex-unlock! (rwlock-mutex l)))

;; (with-read-lock l proc): proc's value, the lock released however proc exits.
(def (with-read-lock l proc)
  (dynamic-wind (lambda () (rwlock-read-lock! l)) proc (lambda () (rwlock-read-unlock! l))))

(def (with-write-lock l proc)
  (dynamic-wind (lambda () (rwlock-write-lock! l)) proc (lambda () (rwlock-write-unlock! l))))
