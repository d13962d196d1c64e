//! DynamoDB: the live state of tables (`read`), the appliers of table actions
//! (`apply`), and the item access that `gatekit table` uses (`items`).

pub mod apply;
pub mod items;
pub mod read;
pub mod stream;
