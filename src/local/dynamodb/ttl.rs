//! TTL: a background sweep deletes items whose TTL attribute (epoch seconds) has
//! passed, as DynamoDB does (it takes up to days there; seconds here).

use std::sync::Weak;
use std::time::Duration;

use super::DynamoDb;
use super::value::Value;

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

fn now_secs() -> f64 {
    super::ops_now()
}

async fn sweep(db: &DynamoDb) {
    let now = now_secs();
    for meta in db.store().all_tables() {
        let Some(attr) = meta.ttl_attribute.clone() else {
            continue;
        };
        let Ok(snap) = db.store().snapshot() else {
            return;
        };
        let mut expired = Vec::new();
        let _ = snap.scan(&meta.items_table(), &[], None, true, |k, v| {
            if let Ok(item) = super::store::decode_item(v)
                && let Some(Value::N(n)) = item.get(&attr)
            {
                // Only numbers in epoch seconds expire; far-future or odd values never do.
                if let Ok(t) = n.to_string().parse::<f64>()
                    && t < now
                {
                    expired.push(k.to_vec());
                }
            }
            Ok(expired.len() < 10_000)
        });
        if expired.is_empty() {
            continue;
        }
        let name = meta.name.clone();
        let attr = attr.clone();
        let _ = db
            .store()
            .write(move |txn| {
                let Some(meta) = txn.table(&name) else {
                    return Ok(());
                };
                for key in expired {
                    // Re-check inside the transaction: the item may have been rewritten.
                    if let Some(item) = txn.get_item(&meta, &key)? {
                        let still = matches!(item.get(&attr), Some(Value::N(n)) if n.to_string().parse::<f64>().is_ok_and(|t| t < now));
                        if still {
                            txn.delete_item(&meta, &key, &item)?;
                        }
                    }
                }
                Ok(())
            })
            .await;
    }
}
