//! TTL: a background sweep deletes items whose TTL attribute (epoch seconds) has
//! passed, as DynamoDB does (within days there; within seconds here). Like DynamoDB,
//! it leaves alone times more than five years in the past. It reads only the expiry
//! index, so a sweep costs what has expired, not the size of the table.

use std::sync::Weak;
use std::time::Duration;

use super::DynamoDb;
use super::number::Number;
use super::schema::encode_value;
use super::value::Value;

/// DynamoDB does not expire items whose TTL is more than five years old.
const TOO_OLD_SECS: f64 = 5.0 * 365.0 * 24.0 * 3600.0;
/// At most this many deletions per table per sweep, so one sweep stays short.
const MAX_PER_SWEEP: usize = 10_000;

pub fn spawn(db: Weak<DynamoDb>, every: Duration) {
    let _ = std::thread::Builder::new()
        .name("gatekit-dynamodb-ttl".into())
        .spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            loop {
                std::thread::sleep(every);
                let Some(db) = db.upgrade() else {
                    return;
                };
                runtime.block_on(sweep(&db));
            }
        });
}

fn expired(v: Option<&Value>, now: f64) -> bool {
    match v {
        Some(Value::N(n)) => n
            .to_string()
            .parse::<f64>()
            .is_ok_and(|t| t < now && t > now - TOO_OLD_SECS),
        _ => false,
    }
}

fn bound(secs: f64) -> Vec<u8> {
    let mut k = Vec::new();
    if let Ok(n) = Number::parse(&format!("{secs:.0}")) {
        encode_value(&Value::N(n), &mut k);
    }
    k
}

async fn sweep(db: &DynamoDb) {
    prune_streams(db).await;
    let now = crate::aws::clock::unix_seconds();
    for meta in db.store().all_tables() {
        let Some(attr) = meta.ttl_attribute.clone() else {
            continue;
        };
        let Ok(snap) = db.store().snapshot() else {
            return;
        };
        let mut keys = Vec::new();
        let (lo, hi) = (bound(now - TOO_OLD_SECS), bound(now));
        let _ = snap.scan(&meta.ttl_table(), &lo, Some(&hi), true, |_, item_key| {
            keys.push(item_key.to_vec());
            Ok(keys.len() < MAX_PER_SWEEP)
        });
        if keys.is_empty() {
            continue;
        }
        let (region, name) = (meta.region.clone(), meta.name.clone());
        let _ = db
            .store()
            .write(move |txn| {
                let Some(meta) = txn.table(&region, &name) else {
                    return Ok(());
                };
                txn.by_ttl = true;
                for key in keys {
                    // Re-checked here: the item may have been rewritten since the scan.
                    if let Some(item) = txn.get_item(&meta, &key)?
                        && expired(item.get(&attr), now)
                    {
                        txn.delete_item(&meta, &key, &item)?;
                    }
                }
                Ok(())
            })
            .await;
    }
}

/// Stream records older than 24 hours go, as on AWS (at most `MAX_PER_SWEEP` per
/// stream per sweep).
async fn prune_streams(db: &DynamoDb) {
    let cutoff =
        crate::aws::clock::unix_millis().saturating_sub(super::streams::RETENTION_MS) * 1000;
    db.store().prune_waiting(cutoff);
    for meta in db.store().all_tables() {
        for stream in &meta.streams {
            let table = meta.stream_table(&stream.label);
            let Ok(snap) = db.store().snapshot() else {
                return;
            };
            let mut old = Vec::new();
            // An entry goes when its last record is past retention (entries hold
            // one record, or a frame of them: `stream_log`).
            let _ = snap.scan(&table, &[], Some(&cutoff.to_be_bytes()), true, |k, v| {
                let last = super::stream_log::records(k, v)
                    .last()
                    .map_or(0, |(seq, _)| seq);
                if last >= cutoff {
                    return Ok(false);
                }
                old.push(k.to_vec());
                Ok(old.len() < MAX_PER_SWEEP)
            });
            if old.is_empty() {
                continue;
            }
            let _ = db
                .store()
                .write(move |txn| {
                    for k in old {
                        txn.delete_raw_entry(&table, k)?;
                    }
                    Ok(())
                })
                .await;
        }
    }
}
